package tag

import (
	"slices"
	"strings"
	"testing"
)

func TestPlaceNames(t *testing.T) {
	labels := placeLabels([]string{"DATE", "LOCATION", "O", "PERSON"})
	if want := strings.Fields("B-LOCATION B-PERSON DATE L-LOCATION L-PERSON LOCATION O PERSON U-LOCATION U-PERSON"); !slices.Equal(labels, want) {
		t.Fatalf("labels %q, want %q", labels, want)
	}
	for _, c := range []struct{ in, want string }{
		{"PERSON PERSON O LOCATION", "B-PERSON L-PERSON O U-LOCATION"},
		{"PERSON PERSON PERSON LOCATION LOCATION", "B-PERSON PERSON L-PERSON B-LOCATION L-LOCATION"},
		// Unknown and partial labels end a name and stay as they are;
		// classes that are no name have no places.
		{"PERSON ? PERSON _ DATE DATE", "U-PERSON ? U-PERSON _ DATE DATE"},
	} {
		var gold []uint8
		for _, l := range strings.Fields(c.in) {
			switch l {
			case "?":
				gold = append(gold, noLabel)
			case "_":
				gold = append(gold, notName)
			default:
				gold = append(gold, uint8(slices.Index(labels, l)))
			}
		}
		placeNames(gold, labels)
		var got []string
		for _, g := range gold {
			switch g {
			case noLabel:
				got = append(got, "?")
			case notName:
				got = append(got, "_")
			default:
				got = append(got, labels[g])
			}
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s: got %q, want %q", c.in, got, c.want)
		}
	}
	for l, want := range map[string]string{"U-PERSON": "PERSON", "B-ORGANIZATION": "ORGANIZATION", "L-LOCATION": "LOCATION", "PERSON": "PERSON", "B-DATE": "B-DATE", "O": "O"} {
		if got := className(l); got != want {
			t.Errorf("className(%q) = %q, want %q", l, got, want)
		}
	}
}
