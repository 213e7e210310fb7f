package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/output"
)

// encodeDocument is the extract JSON of d: the line that
// `onrecord extract --format jsonl` prints for it.
func encodeDocument(d *onrecord.Document) ([]byte, error) {
	var buf bytes.Buffer
	w, err := output.New("jsonl", &buf, output.Options{})
	if err != nil {
		return nil, err
	}
	if err := w.Write(d); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("write jsonl of %s: %w", d.ID, err)
	}
	return buf.Bytes(), nil
}

// encodeArticle is the extract JSON of d with its text as a first member
// "text", for a reader that does not have the text already.
func encodeArticle(d *onrecord.Document) ([]byte, error) {
	line, err := encodeDocument(d)
	if err != nil {
		return nil, err
	}
	text, err := json.Marshal(d.Text)
	if err != nil {
		return nil, fmt.Errorf("encode text of %s: %w", d.ID, err)
	}
	// The line is one JSON object with members ({"id": ...}), so the text
	// goes in right after its opening brace.
	if len(line) < 2 || line[0] != '{' {
		return nil, fmt.Errorf("encode %s: unexpected jsonl line %.20q", d.ID, line)
	}
	out := make([]byte, 0, len(line)+len(text)+10)
	out = append(out, `{"text":`...)
	out = append(out, text...)
	out = append(out, ',')
	return append(out, line[1:]...), nil
}

// writeEncoded sends a document encoded by encodeDocument or encodeArticle.
func writeEncoded(w http.ResponseWriter, b []byte, err error) {
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b)
}
