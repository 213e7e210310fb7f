package text

import "strings"

func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// titles are abbreviations that precede a name and so never end a
// sentence: their period always stays with them.
var titles = set(`Mr Mrs Ms Messrs Mmes Miss Dr Drs Prof Profs Sen Sens Rep Reps Gov Govs
	Gen Gens Lt Col Capt Cmdr Cmdt Comdr Maj Sgt Cpl Pvt Adm Brig Rev Revs Hon St Ste Mt Ft
	Pres Supt Det Insp Atty Attys Amb Asst Assoc Lieut vs v Vs Msgr Rt
	Mme Mlle Sra Sta Pfc Spc Fmr
	MR MRS MS DR SEN REP GOV GEN ST`)

// abbrevs are abbreviations that may end a sentence (months, states,
// company suffixes, etc.): their period is split off as the sentence's end
// when a capitalised word follows.
var abbrevs = set(`Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
	Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
	Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Mass Md Mich Minn
	Mo Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wisc Wyo Dak
	Inc Co Cos Corp Ltd Plc Bancorp Assn Univ Intl Dept Ave Blvd Rd Pl
	Jr Sr Esq Bros etc al approx dept est fig`)

// starters are words that usually begin a sentence; after an acronym with
// a final period ("in the U.S. The ...") they signal a sentence boundary.
var starters = set(`The A An About He She It We You They While As This Here More Now In
	But What During Mr. Mrs. Ms.`)

// elisions keep their leading apostrophe ('em, 'cause).
var elisions = set(`em cause til tis twas n`)

// splitWords are single words that PTB splits in two; the value is the
// length of the first part.
var splitWords = map[string]int{
	"cannot": 3, "gonna": 3, "gotta": 3, "wanna": 3, "gimme": 3, "lemme": 3,
}
