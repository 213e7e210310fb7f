package tag

import (
	"strings"
	"testing"

	"github.com/onrecord/onrecord"
)

// TestPersons: a surname read as a place or as no name, where the document
// names that person in full, becomes the person; organisations, proper
// nouns inside longer names and other words stay; honorifics leave names.
func TestPersons(t *testing.T) {
	runPass(t, mustDefault(t).persons, []passCase{
		{
			"place after a title",
			[]string{"Mary Halloway smiled .", "Miss Halloway left ."},
			"NNP NNP VBD . NNP NNP VBD .",
			"PERSON PERSON - - LOCATION LOCATION - -",
			"PERSON PERSON - - - PERSON - -",
		},
		{
			"no name, possessive",
			[]string{"Tom Edlow spoke .", "Edlow 's view held ."},
			"NNP NNP VBD . NNP POS NN VBD .",
			"PERSON PERSON - - - - - - -",
			"PERSON PERSON - - PERSON - - - -",
		},
		{
			"organisations and longer names kept",
			[]string{"Michael Dell spoke .", "Dell grew near Dell Road ."},
			"NNP NNP VBD . NNP VBD IN NNP NNP .",
			"PERSON PERSON - - ORGANIZATION - - - - -",
			"PERSON PERSON - - ORGANIZATION - - - - -",
		},
		{
			"two places read as a person's name",
			[]string{"Melton Avalon 's capital .", "Avalon voted in Melton ."},
			"NNP NNP POS NN . NNP VBD IN NNP .",
			"PERSON PERSON - - - LOCATION - - LOCATION -",
			"PERSON PERSON - - - LOCATION - - LOCATION -",
		},
		{
			"a first name the list lacks",
			[]string{"Ozoemena Okwudili spoke .", "Okwudili left ."},
			"NNP NNP VBD . NNP VBD .",
			"PERSON PERSON - - LOCATION - -",
			"PERSON PERSON - - PERSON - -",
		},
		{
			"a place no person's name ends",
			[]string{"Jane Roe went to Leeds ."},
			"NNP NNP VBD TO NNP .",
			"PERSON PERSON - - LOCATION -",
			"PERSON PERSON - - LOCATION -",
		},
		{
			"a place of two words",
			[]string{"Jane Roe went to Port Roe ."},
			"NNP NNP VBD TO NNP NNP .",
			"PERSON PERSON - - LOCATION LOCATION -",
			"PERSON PERSON - - LOCATION LOCATION -",
		},
		{
			"honorifics out of names, a lone title no surname",
			[]string{"Ms Keller and Dr Adu met Miss ."},
			"NNP NNP CC NNP NNP VBD NNP .",
			"PERSON PERSON - PERSON PERSON - PERSON -",
			"- PERSON - - PERSON - PERSON -",
		},
		{
			"a document ending in an honorific",
			[]string{"Thank you , Miss"},
			"VB PRP , NNP",
			"- - - -",
			"- - - -",
		},
		{
			"a person's name of honorifics only",
			[]string{"Thank you , Dr Miss"},
			"VB PRP , NNP NNP",
			"- - - PERSON PERSON",
			"- - - - PERSON",
		},
		{
			// "Knight" may be a surname, "Groucho" is WordNet's yet never
			// written in lower case, "Jock" before an initial is a first
			// name, and a role word ending its sentence is no part of the
			// name on the next line.
			"role words out of names, not surnames or names",
			[]string{"Emperor Tomas Vell and Knight Adu met Groucho Marx and Jock A Roe .", "Captain", "Vell left ."},
			"NNP NNP NNP CC NNP NNP VBD NNP NNP CC NNP NNP NNP . NNP NNP VBD .",
			"PERSON PERSON PERSON - PERSON PERSON - PERSON PERSON - PERSON PERSON PERSON - PERSON PERSON - -",
			"- PERSON PERSON - PERSON PERSON - PERSON PERSON - PERSON PERSON PERSON - PERSON PERSON - -",
		},
	})
}

// TestInitials: initials defined in parentheses take the class of the name
// they stand for, there and wherever the document writes them again.
func TestInitials(t *testing.T) {
	runPass(t, mustDefault(t).initials, []passCase{
		{
			"organisation, read alone as a person and as no name",
			[]string{"The World Cargo Board ( WCB ) met .", "WCB staff agreed ."},
			"DT NNP NNP NNP -LRB- NNP -RRB- VBD . NNP NNS VBD .",
			"- ORGANIZATION ORGANIZATION ORGANIZATION - PERSON - - - - - - -",
			"- ORGANIZATION ORGANIZATION ORGANIZATION - ORGANIZATION - - - ORGANIZATION - - -",
		},
		{
			"a name read in parts",
			[]string{"Notes from Ruritania ( NFR ) wrote ."},
			"NNS IN NNP -LRB- NNP -RRB- VBD .",
			"- - LOCATION - - - - -",
			"ORGANIZATION ORGANIZATION ORGANIZATION - ORGANIZATION - - -",
		},
		{
			"a place",
			[]string{"North Ruritania ( NR ) voted ."},
			"NNP NNP -LRB- NNP -RRB- VBD .",
			"LOCATION LOCATION - ORGANIZATION - - -",
			"LOCATION LOCATION - LOCATION - - -",
		},
		{
			"an office",
			[]string{"a Member of Parliament ( MP ) spoke ."},
			"DT NN IN NNP -LRB- NNP -RRB- VBD .",
			"- - - ORGANIZATION - - - - -",
			"- - - ORGANIZATION - - - - -",
		},
		{
			"a name read as no name: a system, and an organisation by its last word",
			[]string{"Long Range Tracking ( LRT ) and the Avalon Rowing Council ( ARC ) met ."},
			"JJ NN NN -LRB- NNP -RRB- CC DT NNP NNP NNP -LRB- NNP -RRB- VBD .",
			"- - - - - - - - - - - - - - - -",
			"- - - - - - - - ORGANIZATION ORGANIZATION ORGANIZATION - ORGANIZATION - - -",
		},
		{
			"initials no name spells",
			[]string{"Jane Roe ( NLF ) spoke ."},
			"NNP NNP -LRB- NNP -RRB- VBD .",
			"PERSON PERSON - ORGANIZATION - - -",
			"PERSON PERSON - ORGANIZATION - - -",
		},
	})
}

// TestPlacesAsOrgs: a place whose last word ends organisations is one; a
// place of one word, other places and other classes stay.
func TestPlacesAsOrgs(t *testing.T) {
	runPass(t, placesAsOrgs, []passCase{
		{
			"college after a verb of motion",
			[]string{"He went to Trinity College in Leeds ."},
			"PRP VBD TO NNP NNP IN NNP .",
			"- - - LOCATION LOCATION - LOCATION -",
			"- - - ORGANIZATION ORGANIZATION - LOCATION -",
		},
		{
			"places, a lone word, a person",
			[]string{"Soviet Union , College and Jane School ."},
			"NNP NNP , NNP CC NNP NNP .",
			"LOCATION LOCATION - LOCATION - PERSON PERSON -",
			"LOCATION LOCATION - LOCATION - PERSON PERSON -",
		},
	})
}

// passCase is a document of labelled tokens and the names a
// pass over names should leave.
func TestCommonOpeners(t *testing.T) {
	runPass(t, mustDefault(t).commonOpeners, []passCase{
		{
			"a common word opening a sentence",
			[]string{"Quinoline levels fell .", "Children lack quinoline ."},
			"NNP NNS VBD . NNS VBP NN .",
			"PERSON - - - - - - -",
			"- - - - - - - -",
		},
		{
			"first names, initials, proper nouns and verbs in lower case, longer names kept",
			[]string{"Rose spoke .", "WHO agreed .", "Zentrox fell .", "Vexa rose .", "Zentrox Labs grew .", "a rose , who , zentrox , vexa it and labs ."},
			"NNP VBD . NNP VBD . NNP VBD . NNP VBD . NNP NNP VBD . DT NN , WP , NNP , VB PRP CC NNS .",
			"PERSON - - ORGANIZATION - - ORGANIZATION - - ORGANIZATION - - ORGANIZATION ORGANIZATION - - - - - - - - - - - - - -",
			"PERSON - - ORGANIZATION - - ORGANIZATION - - ORGANIZATION - - ORGANIZATION ORGANIZATION - - - - - - - - - - - - - -",
		},
		{
			"a name inside the sentence kept",
			[]string{"We met Quinoline .", "quinoline is rare ."},
			"PRP VBD NNP . NN VBZ JJ .",
			"- - PERSON - - - - -",
			"- - PERSON - - - - -",
		},
	})
}

func TestStormNames(t *testing.T) {
	runPass(t, mustDefault(t).stormNames, []passCase{
		{
			"a storm's name, there and again",
			[]string{"Cyclone Mirela hit Odisha .", "Mirela weakened ."},
			"NNP NNP VBD NNP . NNP VBD .",
			"PERSON PERSON - LOCATION - PERSON - -",
			"- - - LOCATION - - - -",
		},
		{
			"a longer name holding a storm's name kept",
			[]string{"Cyclone Mirela hit .", "TC Mirela grew .", "Mirela faded ."},
			"NNP NNP VBD . NNP NNP VBD . NNP VBD .",
			"- - - - PERSON PERSON - - PERSON - -",
			"- - - - PERSON PERSON - - - - -",
		},
		{
			"a centre named after storms kept",
			[]string{"The Hurricane Center warned ."},
			"DT NNP NNP VBD .",
			"- ORGANIZATION ORGANIZATION - -",
			"- ORGANIZATION ORGANIZATION - -",
		},
	})
}

func TestLaws(t *testing.T) {
	runPass(t, laws, []passCase{
		{
			"laws and treaties out, their makers kept",
			[]string{"The Clean Rivers Act and the Constitution bind Congress ."},
			"DT NNP NNP NNP CC DT NNP VBP NNP .",
			"- ORGANIZATION ORGANIZATION ORGANIZATION - - ORGANIZATION - ORGANIZATION -",
			"- - - - - - - - ORGANIZATION -",
		},
		{
			"a person named Bill kept",
			[]string{"Bill signed the Oslo Accord ."},
			"NNP VBD DT NNP NNP .",
			"PERSON - - LOCATION LOCATION -",
			"PERSON - - - - -",
		},
	})
}

func TestHonours(t *testing.T) {
	runPass(t, honours, []passCase{
		{
			"after a person's name, with or without a comma",
			[]string{"Mara Lind , QC , and Tom Adu MP spoke ."},
			"NNP NNP , NNP , CC NNP NNP NNP VBD .",
			"PERSON PERSON - ORGANIZATION - - PERSON PERSON PERSON - -",
			"PERSON PERSON - - - - PERSON PERSON - - -",
		},
		{
			"letters after no person kept",
			[]string{"The SC ruled ."},
			"DT NNP VBD .",
			"- ORGANIZATION - -",
			"- ORGANIZATION - -",
		},
	})
}

type passCase struct {
	name             string
	sents            []string
	tags, ners, want string // one per token; "-" for O
}

func runPass(t *testing.T, pass func(*onrecord.Document), cases []passCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := docOf(c.sents...)
			tags, ners, want := strings.Fields(c.tags), strings.Fields(c.ners), strings.Fields(c.want)
			if len(tags) != len(d.Tokens) || len(ners) != len(d.Tokens) || len(want) != len(d.Tokens) {
				t.Fatalf("%d tokens, %d tags, %d names, %d wanted", len(d.Tokens), len(tags), len(ners), len(want))
			}
			for i := range d.Tokens {
				d.Tokens[i].Tag, d.Tokens[i].NER = tags[i], strings.ReplaceAll(ners[i], "-", "O")
			}
			pass(d)
			for i, tk := range d.Tokens {
				if w := strings.ReplaceAll(want[i], "-", "O"); tk.NER != w {
					t.Errorf("%s: got %s, want %s", d.Word(i), tk.NER, w)
				}
			}
		})
	}
}
