package attrib

import "testing"

func TestReadVerbs(t *testing.T) {
	got := readVerbs("mutter 1\nsing 2\nbad\nodd 3\n\n")
	if len(got) != 1 || !got["mutter"] {
		t.Errorf("readVerbs = %v", got)
	}
	// The generated list: first senses of speech only.
	for w, want := range map[string]bool{"whisper": true, "state": true, "report": true, "sing": false, "show": false, "eat": false} {
		if speechVerbs[w] != want {
			t.Errorf("speechVerbs[%q] = %v, want %v", w, speechVerbs[w], want)
		}
	}
}
