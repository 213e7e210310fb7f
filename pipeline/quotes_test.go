package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/text"
)

// TestNewsQuotes runs passages from other desks than politics, written for
// this test in the shapes news wires give quotations, through the whole
// pipeline: each quotation must come out direct, with its content exactly
// (marks included, one part a paragraph) and its cue and source.
func TestNewsQuotes(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		content    []string // the parts, in order
		cue        string   // "" for none
		source     string   // "" when not checked
	}{
		// A quotation over several paragraphs: each reopens the mark and
		// only the last closes it.
		{
			name: "sport, reopened, cue in the last paragraph",
			text: "Forest Green manager Carla Duarte was in no mood to celebrate after the draw.\n\n" +
				"“We gave away two soft goals and you cannot do that at this level. I told the players at half-time that the second half would decide our season.\n\n" +
				"“They responded, but we need to be cleverer with the ball. There is no time to feel sorry for ourselves,” Duarte said.\n\n" +
				"The club sit fourth, two points off the automatic places.",
			content: []string{
				"“We gave away two soft goals and you cannot do that at this level. I told the players at half-time that the second half would decide our season.",
				"“They responded, but we need to be cleverer with the ball. There is no time to feel sorry for ourselves,”",
			},
			cue: "said", source: "Duarte",
		},
		{
			name: "business, reopened, colon cue in the first paragraph",
			text: "In a statement, the airline's chief executive, Martin Ekholm, said: “This has been a difficult quarter for everyone at the company. Fuel costs rose faster than we had planned for.\n\n" +
				"“We expect demand to recover in the spring, and we will not cut routes to the northern islands.”\n\n" +
				"Shares fell 4 percent in early trading.",
			content: []string{
				"“This has been a difficult quarter for everyone at the company. Fuel costs rose faster than we had planned for.",
				"“We expect demand to recover in the spring, and we will not cut routes to the northern islands.”",
			},
			cue: "said:",
		},
		{
			name: "health, reopened straight quotes",
			text: "Dr. Helen Okafor, who leads the trial at St. Mary's Hospital, said the early results were encouraging.\n\n" +
				"\"Patients on the higher dose were discharged two days sooner on average. We saw fewer side effects than we had feared.\n\n" +
				"\"We now need a larger study before anyone should change how they treat this infection,\" she said.\n\n" +
				"The hospital expects to publish the data next year.",
			content: []string{
				"\"Patients on the higher dose were discharged two days sooner on average. We saw fewer side effects than we had feared.",
				"\"We now need a larger study before anyone should change how they treat this infection,\"",
			},
			cue: "said", source: "she",
		},
		{
			name: "entertainment, four parts over three paragraphs",
			text: "“I wrote most of the album on tour,” the singer, Maya Torres, told reporters. “Every night after the show I would sit in the bus with a guitar.\n\n" +
				"“Some of the songs came in an hour. Others took the whole year.\n\n" +
				"“I think you can hear the road in all of them.”\n\n" +
				"The album is out on Friday.",
			content: []string{
				"“I wrote most of the album on tour,”",
				"“Every night after the show I would sit in the bus with a guitar.",
				"“Some of the songs came in an hour. Others took the whole year.",
				"“I think you can hear the road in all of them.”",
			},
			cue: "told",
		},
		{
			name: "sport, reopened straight quotes, cue after",
			text: "\"This is the best team I have ever coached. They never give up.\n\n" +
				"\"Whatever happens on Saturday, they should hold their heads high,\" Kim said after training.",
			content: []string{
				"\"This is the best team I have ever coached. They never give up.",
				"\"Whatever happens on Saturday, they should hold their heads high,\"",
			},
			cue: "said", source: "Kim",
		},
		// Straight quotes left open at the end of a paragraph: the quote
		// ends with it.
		{
			name: "sport, unclosed at the paragraph's end",
			text: "\"We were second to every ball and that is on me,\" Salter said. \"The players know what I expect from them\n\n" +
				"Salter's side travel to Leeds next week.",
			content: []string{
				"\"We were second to every ball and that is on me,\"",
				"\"The players know what I expect from them",
			},
			cue: "said", source: "Salter",
		},
		{
			name: "business, unclosed after a colon cue",
			text: "Analysts at Brennan & Co wrote in a note to clients: \"The margin recovery is real, but it is not yet broad enough to justify the rally\n\n" +
				"Shares closed 3 percent higher.",
			content: []string{"\"The margin recovery is real, but it is not yet broad enough to justify the rally"},
			cue:     "wrote in a note to clients:", source: "Analysts at Brennan & Co",
		},
		// Single quotes nested in double ones.
		{
			name:    "sport, curly single quotes inside",
			text:    "“When the referee said to me, ‘You have one more chance,’ I knew the game had changed. After that I just tried to stay calm,” said the striker, Jonas Berg.",
			content: []string{"“When the referee said to me, ‘You have one more chance,’ I knew the game had changed. After that I just tried to stay calm,”"},
			cue:     "said", source: "the striker, Jonas Berg",
		},
		{
			name:    "health, curly single quotes inside",
			text:    "“My mother always said, ‘Listen to your body.’ I ignored her for years, and that is how I ended up in hospital,” said Tom Reilly, 52.",
			content: []string{"“My mother always said, ‘Listen to your body.’ I ignored her for years, and that is how I ended up in hospital,”"},
			cue:     "said", source: "Tom Reilly, 52",
		},
		{
			name:    "business, straight single quotes inside",
			text:    "\"My grandmother used to say 'never sell the farm' and I never forgot it,\" said Paul Mercer, the chief executive of Mercer Foods.",
			content: []string{"\"My grandmother used to say 'never sell the farm' and I never forgot it,\""},
			cue:     "said", source: "Paul Mercer, the chief executive of Mercer Foods",
		},
		// A quotation that is the whole paragraph or sentence, its cue in
		// the sentence after or before.
		{
			name: "entertainment, she added",
			text: "The actress thanked her co-stars and the crew in a short speech.\n\n" +
				"“I could not have done this without them. They carried me through the hardest months of my life,” she added.",
			content: []string{"“I could not have done this without them. They carried me through the hardest months of my life,”"},
			cue:     "added", source: "she",
		},
		{
			name:    "business, two sentences, then the cue's",
			text:    "\"The results speak for themselves. We have grown every quarter this year.\" The chief financial officer, Ruth Adeyemi, said in a statement.",
			content: []string{"\"The results speak for themselves. We have grown every quarter this year.\""},
			cue:     "said in a statement",
		},
		{
			name:    "sport, he added: before",
			text:    "Harris, 34, said he had no plans to retire. He added: “I still feel strong, and I still love getting on the bike every morning.”",
			content: []string{"“I still feel strong, and I still love getting on the bike every morning.”"},
			cue:     "added:", source: "He",
		},
		{
			name: "sport, a paragraph of quotation going on after the cue's",
			text: "“We played the best football of our season in the first half,” said Coach Luis Ortiz.\n\n" +
				"“After the break we stopped running, and that cost us the game.”\n\n" +
				"Ortiz's side are away at Porto on Wednesday.",
			content: []string{
				"“We played the best football of our season in the first half,”",
				"“After the break we stopped running, and that cost us the game.”",
			},
			cue: "said", source: "Coach Luis Ortiz",
		},
		{
			name: "health, she said: closing the paragraph before",
			text: "The health minister read from a prepared statement. She said:\n\n" +
				"“No hospital will close this winter. Every patient will be seen.”\n\n" +
				"Opposition members walked out.",
			content: []string{"“No hospital will close this winter. Every patient will be seen.”"},
			cue:     "said:", source: "She",
		},
		// According to, spokespeople, statements, colons and dashes.
		{
			name:    "sport, according to",
			text:    "“We have no plans to sell the club,” according to a statement from the owners.",
			content: []string{"“We have no plans to sell the club,”"},
			cue:     "according to", source: "a statement from the owners",
		},
		{
			name:    "entertainment, X's spokesman said",
			text:    "“She is resting at home and grateful for the messages of support,” the singer's spokesman said.",
			content: []string{"“She is resting at home and grateful for the messages of support,”"},
			cue:     "said", source: "the singer's spokesman",
		},
		{
			name:    "business, in a statement, X said:",
			text:    "In a statement on Tuesday, Apex Pharmaceuticals said: “We are recalling the batch as a precaution. No patient has reported any harm.”",
			content: []string{"“We are recalling the batch as a precaution. No patient has reported any harm.”"},
			cue:     "said:", source: "Apex Pharmaceuticals",
		},
		{
			name:    "business, a spokeswoman for X said:",
			text:    "A spokeswoman for Northwind Airlines said: “Safety is our first priority, and the aircraft will stay on the ground until the checks are done.”",
			content: []string{"“Safety is our first priority, and the aircraft will stay on the ground until the checks are done.”"},
			cue:     "said:", source: "A spokeswoman for Northwind Airlines",
		},
		{
			name:    "health, colon cue",
			text:    "Dr. Priya Nair was blunt: “Vaccination remains the best protection we have against this virus.”",
			content: []string{"“Vaccination remains the best protection we have against this virus.”"},
			cue:     "was blunt:", source: "Dr. Priya Nair",
		},
		{
			name:    "sport, signed after a dash with a description",
			text:    "“Nobody gave us a chance, and we proved them wrong.” – Ellie Shaw, captain",
			content: []string{"“Nobody gave us a chance, and we proved them wrong.”"},
			cue:     "–", source: "Ellie Shaw, captain",
		},
		// Written as wires and other desks write them: the cue in the
		// middle, questions and exclamations, a quote opening the story,
		// speakers alternating, trailing times, said-inversion, dashes and
		// ellipses inside, headlines. A source set off by commas keeps its
		// closing comma and "told" its cue alone, as PolNeAR annotates.
		{
			name:    "sport, cue in the middle",
			text:    "“The deal,” club chairman Ray Hargreaves said on Tuesday, “is done. We shook hands on it last night, and the paperwork will follow.”",
			content: []string{"“The deal,”", "“is done. We shook hands on it last night, and the paperwork will follow.”"},
			cue:     "said", source: "club chairman Ray Hargreaves",
		},
		{
			name: "entertainment, question opening the article",
			text: "“Who would have thought a kid from Bolton would end up here?” Amira Patel asked as she collected the award for best newcomer on Sunday night.\n\n" +
				"Patel, 23, beat four other nominees, including two former winners.",
			content: []string{"“Who would have thought a kid from Bolton would end up here?”"},
			cue:     "asked", source: "Amira Patel",
		},
		{
			name:    "sport, exclamation, said-inversion",
			text:    "Fans poured onto the pitch at the final whistle.\n\n“What a night!” shouted goalkeeper Sam Odell, still in his kit. “I will remember this for the rest of my life.”",
			content: []string{"“What a night!”", "“I will remember this for the rest of my life.”"},
			cue:     "shouted", source: "goalkeeper Sam Odell",
		},
		{
			name: "business, told staff: closing the paragraph",
			text: "In a video posted late on Monday, the company's founder, Ines Carvalho, told staff:\n\n" +
				"“Nobody will lose their job because of this merger. I give you my word on that.”\n\n" +
				"The deal still needs approval from regulators in Brussels.",
			content: []string{"“Nobody will lose their job because of this merger. I give you my word on that.”"},
			cue:     "told", source: "the company's founder, Ines Carvalho,",
		},
		{
			name:    "sport, two speakers in a paragraph, first",
			text:    "“It was a clear penalty,” said Hale. Referee Tom Birch disagreed: “He went down far too easily.”",
			content: []string{"“It was a clear penalty,”"},
			cue:     "said", source: "Hale",
		},
		{
			name:    "sport, two speakers in a paragraph, second",
			text:    "“It was a clear penalty,” said Hale. Referee Tom Birch disagreed: “He went down far too easily.”",
			content: []string{"“He went down far too easily.”"},
			cue:     "disagreed:", source: "Referee Tom Birch",
		},
		{
			name:    "sport, told AFP by phone",
			text:    "“We will appeal the decision, and we are confident of winning,” the team's lawyer, Mark Dunne, told AFP by phone on Wednesday.",
			content: []string{"“We will appeal the decision, and we are confident of winning,”"},
			cue:     "told", source: "the team's lawyer, Mark Dunne,",
		},
		{
			name:    "business, said-inversion with a time after the source",
			text:    "\"Prices will keep rising through the summer,\" said Ana Ruiz, an economist at Banco Meridional, on Tuesday.",
			content: []string{"\"Prices will keep rising through the summer,\""},
			// The comma closing the aside stays in the source, as
			// PolNeAR's annotators keep it (see trimPunct).
			cue: "said", source: "Ana Ruiz, an economist at Banco Meridional,",
		},
		{
			name:    "business, said-inversion with an age",
			text:    "Stallholders say trade has halved since the bypass opened.\n\n“I have been coming to this market since I was a boy, and I have never seen it so quiet,” said trader Oumar Diallo, 67.",
			content: []string{"“I have been coming to this market since I was a boy, and I have never seen it so quiet,”"},
			cue:     "said", source: "trader Oumar Diallo, 67",
		},
		{
			name:    "sport, em dash and ellipsis inside",
			text:    "“We thought we had the title won — and then, well … you saw what happened,” Novak said.",
			content: []string{"“We thought we had the title won — and then, well … you saw what happened,”"},
			cue:     "said", source: "Novak",
		},
		// British style: single marks outside, double ones nested.
		{
			name:    "sport, British single quotes",
			text:    "'I am delighted to have signed for such a historic club,' said Reece Adams. 'The fans here are incredible.'",
			content: []string{"'I am delighted to have signed for such a historic club,'", "'The fans here are incredible.'"},
			cue:     "said", source: "Reece Adams",
		},
		{
			name:    "entertainment, British curly single quotes with nested double",
			text:    "‘My father told me, “Go out there and enjoy it,” and that is exactly what I did,’ she said after the premiere.",
			content: []string{"‘My father told me, “Go out there and enjoy it,” and that is exactly what I did,’"},
			cue:     "said", source: "she",
		},
		{
			name: "sport, British single quotes, a plural's possessive inside",
			text: "'The players' union has been very supportive throughout,' said Dean Marsh, 31. 'I owe them a lot.'\n\n" +
				"The club's board described the offer as 'derisory' and said talks were over.",
			content: []string{"'The players' union has been very supportive throughout,'", "'I owe them a lot.'"},
			cue:     "said", source: "Dean Marsh, 31",
		},
		{
			name: "entertainment, British curly single quotes, colon cue",
			text: "‘We’re not giving up,’ she said. ‘Not now, not ever.’\n\n" +
				"Her coach, Tom Fry, added: ‘She’s the toughest player I’ve worked with.’",
			content: []string{"‘She’s the toughest player I’ve worked with.’"},
			cue:     "added:", source: "Her coach, Tom Fry,",
		},
		{
			name:    "business, according to",
			text:    "\"Demand for electric vans has simply collapsed,\" according to Lars Holm, head of sales at Vantek.",
			content: []string{"\"Demand for electric vans has simply collapsed,\""},
			cue:     "according to", source: "Lars Holm, head of sales at Vantek",
		},
		{
			name:    "health, her spokesman told reporters",
			text:    "“The minister has full confidence in the hospital's staff,” her spokesman told reporters on Thursday.",
			content: []string{"“The minister has full confidence in the hospital's staff,”"},
			cue:     "told", source: "her spokesman",
		},
		{
			name:    "entertainment, quote in a headline",
			text:    "“We are not for sale,” says Rovers owner\n\nThe owner of Rovers has ruled out selling the club this season.",
			content: []string{"“We are not for sale,”"},
			cue:     "says", source: "Rovers owner",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := text.NewDocument("quotes", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if err := p.Extract(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			q := find(d, tt.content[0])
			if q == nil {
				t.Fatalf("no attribution holds %q; got %s", tt.content[0], contents(d))
			}
			var parts []string
			for _, c := range q.Content {
				parts = append(parts, d.Slice(c))
			}
			if strings.Join(parts, "\n") != strings.Join(tt.content, "\n") {
				t.Errorf("content %q, want %q", parts, tt.content)
			}
			if q.Kind != onrecord.Direct {
				t.Errorf("kind %s, want direct", q.Kind)
			}
			if got := join(d, q.Cue); got != tt.cue {
				t.Errorf("cue %q, want %q", got, tt.cue)
			}
			if got := join(d, q.Source); tt.source != "" && got != tt.source {
				t.Errorf("source %q, want %q", got, tt.source)
			}
		})
	}
}

// contents lists the contents of d's attributions, for failure messages.
func contents(d *onrecord.Document) string {
	var out []string
	for _, q := range d.Quotes {
		out = append(out, string(q.Kind)+" "+join(d, q.Content))
	}
	return strings.Join(out, "; ")
}

// TestScareQuotes checks that a word or phrase in quotation marks inside a
// sentence, a scare quote, is never a direct quote on its own.
func TestScareQuotes(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ text, phrase string }{
		{"The so-called “super-fund” would manage the pensions of two million workers.", "“super-fund”"},
		{"Critics called the plan a \"tax grab\" dressed up as reform.", "\"tax grab\""},
		{"Officials described the outbreak as “contained” but urged people to keep washing their hands.", "“contained”"},
		{"'We had no choice,' the chairman said. The board called the bid 'derisory'.", "'derisory'"},
	} {
		d, err := text.NewDocument("scare", []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Extract(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, q := range d.Quotes {
			if q.Kind == onrecord.Direct && strings.Trim(join(d, q.Content), " .,") == tt.phrase {
				t.Errorf("%q: the scare quote %s is a direct quote", tt.text, tt.phrase)
			}
		}
	}
}
