// Writers: the first person outside any quotation is whoever wrote the
// text, as its signature, byline or closing biography names them.

package speaker

// signature is a paragraph naming the writer of the text around it: a
// letter's signature ("Jane Roe.") or a byline ("By Jane Roe") alone in its
// paragraph, or a closing biography ("Jane Roe is a professor at ...").
type signature struct {
	para, ent int
	byline    bool // it signs the text after it, not before
}

// writer is the person who wrote token p, as a signature names them: the
// first signature after p's paragraph, else a byline before it; -1 for an
// unsigned text.
func (a *doc) writer(p int) int {
	if a.signs == nil {
		a.signs = a.signatures()
	}
	for _, s := range a.signs {
		if s.para > a.para[p] && !s.byline {
			return s.ent
		}
	}
	for i := len(a.signs) - 1; i >= 0; i-- {
		if s := a.signs[i]; s.para < a.para[p] && s.byline {
			return s.ent
		}
	}
	return -1
}

// signatures lists the signatures of the document in text order; it is
// never nil, so that it is worked out once.
func (a *doc) signatures() []signature {
	out := []signature{}
	for s, n := 0, len(a.words); s < n; {
		e := s + 1
		for e < n && a.para[e] == a.para[s] {
			e++
		}
		k, byline := s, a.lower[s] == "by"
		if byline {
			k++
		}
		if ent, end := a.personAt(k); ent >= 0 {
			alone := true
			for i := end; i < e && alone; i++ {
				alone = isPunct(a.words[i])
			}
			switch {
			case alone:
				out = append(out, signature{a.para[s], ent, byline})
			case e == n && !byline && a.bio(k) == ent:
				// One biography only: "Jane Roe is ... John Doe is ..."
				// signs a text of two writers, whose "I" is neither.
				one := true
				for i := end; i < e && one; i++ {
					one = a.sent[i] == a.sent[i-1] || a.bio(i) < 0
				}
				if one {
					out = append(out, signature{a.para[s], ent, false})
				}
			}
		}
		s = e
	}
	return out
}

// personAt is the person whose name starts at token k and the token after
// the name, or -1.
func (a *doc) personAt(k int) (ent, end int) {
	if k >= len(a.words) {
		return -1, k
	}
	m := a.mentAt[k]
	if m < 0 || a.ments[m].start != k || a.ents[a.ments[m].ent].typ != Person {
		return -1, k
	}
	return a.ments[m].ent, a.ments[m].end
}

// bio is the person of a sentence starting at token k that tells who they
// are ("Jane Roe is a professor"), or -1.
func (a *doc) bio(k int) int {
	ent, end := a.personAt(k)
	if ent < 0 || end >= len(a.words) || a.sent[end] != a.sent[k] || a.lower[end] != "is" && a.lower[end] != "was" {
		return -1
	}
	return ent
}
