package eval

import (
	"strings"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
)

func TestSpeakerRefs(t *testing.T) {
	refs, err := ReadSpeakerRefs(strings.NewReader("# doc\tsource_start\tsource_end\tsource_text\tspeaker\ttype\n" +
		"tiny\t15\t17\tHe\tHillary Clinton\tperson\n" +
		"tiny\t0\t7\tClinton\tHillary Clinton\tperson\n" +
		"tiny\t39\t41\tIt\t-\tother\n" +
		"tiny\t50\t52\tx\t-\tother\n"))
	if err != nil || len(refs) != 4 || refs[2].Speaker != "" {
		t.Fatalf("read: %v %+v", err, refs)
	}
	att := func(src, content onrecord.Span) onrecord.Attribution {
		return onrecord.Attribution{Source: []onrecord.Span{src}, Content: []onrecord.Span{content}}
	}
	gold := []brat.GoldDoc{{ID: "tiny", Text: tinyText, Quotes: []onrecord.Attribution{
		att(sp(15, 17), sp(23, 37)), att(sp(0, 7), sp(8, 13)), att(sp(39, 41), sp(42, 48)),
	}}}
	named := func(c onrecord.Span, name, typ string) onrecord.Attribution {
		return onrecord.Attribution{Content: []onrecord.Span{c}, Speaker: &onrecord.Speaker{Name: name, Type: typ}}
	}
	r := ScoreSpeakerRefs(refs, gold, map[string][]onrecord.Attribution{"tiny": {
		named(sp(23, 37), "Hillary Clinton", "person"), // right
		named(sp(42, 48), "Rain", "other"),             // no named speaker where none is: right
	}})
	if r.Accuracy != (Count{2, 2}) || r.NoMatch != 1 || r.NoGold != 1 {
		t.Errorf("got %+v", r)
	}
	wrong := named(sp(23, 37), "Clinton", "person")
	wrong.Source = []onrecord.Span{sp(15, 17)}
	r = ScoreSpeakerRefs(refs, gold, map[string][]onrecord.Attribution{"tiny": {
		wrong, named(sp(8, 13), "Hillary Clinton", "person"), named(sp(42, 48), "Rain", "person"),
	}})
	if r.Accuracy != (Count{1, 3}) || len(r.Misses) != 2 || r.Misses[0].GotFrom != "He" {
		t.Errorf("got %+v", r)
	}
	for _, bad := range []string{"tiny\t1\n", "tiny\tx\t2\ta\tb\tc\n", "tiny\t5\t2\ta\tb\tc\n"} {
		if _, err := ReadSpeakerRefs(strings.NewReader(bad)); err == nil {
			t.Errorf("no error for %q", bad)
		}
	}
}
