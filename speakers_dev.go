package onrecord

import _ "embed"

// SpeakersDev is testdata/speakers-dev.tsv, the hand-checked speakers of
// PolNeAR dev that onrecord eval scores by default; embedded so that eval
// finds it from any working directory.
//
//go:embed testdata/speakers-dev.tsv
var SpeakersDev string
