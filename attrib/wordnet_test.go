package attrib

import "testing"

func TestReadVerbs(t *testing.T) {
	got := readVerbs("mutter\nwhisper\n\n")
	if len(got) != 2 || !got["mutter"] || !got["whisper"] {
		t.Errorf("readVerbs = %v", got)
	}
	// The generated list: first senses of speech only.
	for w, want := range map[string]bool{"whisper": true, "state": true, "report": true, "sing": false, "show": false, "eat": false} {
		if speechVerbs[w] != want {
			t.Errorf("speechVerbs[%q] = %v, want %v", w, speechVerbs[w], want)
		}
	}
}
