package text

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"mime"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/webpage"
	"golang.org/x/text/encoding"
)

// DefaultMaxBytes caps one document (a file, stdin, or a JSONL line) when
// ReadOptions.MaxBytes is 0. It is the one document limit of the command
// line, the API (server) and Beam: pipeline.Extract refuses a longer text.
// News articles are tens of kilobytes; a larger input is a dump or a
// mistake, and analysing it would hold hundreds of megabytes at once, so it
// is reported instead.
const DefaultMaxBytes = 2 << 20

// ReadOptions configure Read.
type ReadOptions struct {
	// JSONL reads one JSON object a line, {"id": ..., "text": ...,
	// "date": "YYYY-MM-DD"} (id and date optional), instead of one document
	// a file.
	JSONL bool
	// HTML reads every input as an HTML page (see NewHTMLDocument); without
	// it, files named *.html or *.htm and URLs answered with text/html are
	// read as HTML pages, other files as plain text.
	HTML bool
	// Encoding decodes the input to UTF-8; nil means it is UTF-8 already
	// (or, for an HTML page, in the charset the page declares).
	Encoding encoding.Encoding
	// Stdin is read for the argument "-" (and when there are no arguments).
	Stdin io.Reader
	// MaxBytes caps one document; 0 means DefaultMaxBytes.
	MaxBytes int
	// Warn, when set, is told of problems that do not stop a document
	// from being read (a JSONL date it cannot read).
	Warn func(error)
}

// Read streams the documents named by args: files, directories (walked
// recursively in lexical order for *.txt, *.html and *.htm files, or
// *.jsonl files with opt.JSONL), http(s) URLs (see webpage.Fetch) and "-"
// for standard input; no args means standard input. A URL's ID is its host
// and path without the extension ("example.com/news/story"). A
// file named as an argument is one document whose ID is its name without
// the extension; a file found in a directory gets its path relative to
// that directory, without the extension and with "/" between folders
// ("2019/story"), so that files of the same name in different folders
// keep apart and an ID does not change when other files come or go. A
// JSONL line without an id gets "ID:line". Two documents with the same ID
// in one run are an error naming both. Files are opened one at a time as
// the consumer asks for documents. Each bad input (an unreadable file,
// binary or invalid UTF-8 content, an empty document, a bad JSON line or
// date, a document over the size cap) yields (nil, error) with an error
// naming it, and reading goes on with the next document.
func Read(args []string, opt ReadOptions) iter.Seq2[*onrecord.Document, error] {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	return func(yield func(*onrecord.Document, error) bool) {
		r := reader{opt: opt, yield: yield, seen: map[string]string{}}
		for _, a := range args {
			if !r.arg(a) {
				return
			}
		}
	}
}

type reader struct {
	opt   ReadOptions
	yield func(*onrecord.Document, error) bool
	line  []byte            // JSONL line buffer, reused
	seen  map[string]string // where each ID yielded so far was read
}

// emit yields a document read from where, or an error when its ID was
// already read in this run.
func (r *reader) emit(d *onrecord.Document, where string) bool {
	if first, dup := r.seen[d.ID]; dup {
		return r.yield(nil, fmt.Errorf("read %s: duplicate document ID %q (also %s)", where, d.ID, first))
	}
	r.seen[d.ID] = where
	return r.yield(d, nil)
}

// arg reads one argument; it returns false when the consumer stopped.
func (r *reader) arg(a string) bool {
	if a == "-" {
		if r.opt.Stdin == nil {
			return r.yield(nil, errors.New("stdin: no standard input"))
		}
		return r.stream("stdin", "stdin", r.opt.Stdin, -1, r.opt.HTML)
	}
	if webpage.IsURL(a) {
		return r.url(a)
	}
	info, err := os.Stat(a)
	if err != nil {
		return r.yield(nil, fmt.Errorf("read %s: %w", a, err))
	}
	if !info.IsDir() {
		return r.file(a, filepath.Base(a))
	}
	more := true
	// WalkDir visits entries in lexical order and reads one directory at
	// a time, so a large tree is never listed into memory at once.
	err = filepath.WalkDir(a, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			more = r.yield(nil, fmt.Errorf("read %s: %w", path, err))
		} else if !d.IsDir() && r.reads(path) {
			rel, rerr := filepath.Rel(a, path)
			if rerr != nil { // cannot happen: WalkDir's paths start with a
				rel = filepath.Base(path)
			}
			more = r.file(path, filepath.ToSlash(rel))
		}
		if !more {
			return filepath.SkipAll
		}
		return nil
	})
	if err != nil && more {
		more = r.yield(nil, fmt.Errorf("walk %s: %w", a, err))
	}
	return more
}

// file reads the file at path; name is the path its ID is made of.
func (r *reader) file(path, name string) bool {
	f, err := os.Open(path)
	if err != nil {
		return r.yield(nil, fmt.Errorf("read %s: %w", path, err))
	}
	defer f.Close()
	size := int64(-1)
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		size = info.Size()
	}
	id := name
	if r.opt.JSONL || r.reads(name) {
		id = strings.TrimSuffix(name, filepath.Ext(name))
	}
	return r.stream(path, id, f, size, r.opt.HTML || isHTMLName(name))
}

// reads reports whether a file found in a directory is read: by the
// extension of its name.
func (r *reader) reads(name string) bool {
	if r.opt.JSONL {
		return strings.HasSuffix(name, ".jsonl")
	}
	return strings.HasSuffix(name, ".txt") || isHTMLName(name)
}

func isHTMLName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".html" || ext == ".htm"
}

// url fetches one page; its ID is its host and path.
func (r *reader) url(u string) bool {
	ctx, cancel := context.WithTimeout(context.Background(), webpage.Timeout)
	defer cancel()
	raw, ctype, err := webpage.Fetch(ctx, u, r.opt.MaxBytes)
	if err != nil {
		return r.yield(nil, fmt.Errorf("read %s: %w", u, err))
	}
	id := u
	if pu, err := url.Parse(u); err == nil {
		p := strings.TrimSuffix(pu.Path, "/")
		id = pu.Host + strings.TrimSuffix(p, filepath.Ext(p))
	}
	media, _, _ := mime.ParseMediaType(ctype)
	isHTML := r.opt.HTML || media == "text/html" || media == "application/xhtml+xml"
	return r.document(u, id, raw, isHTML, ctype)
}

// stream reads one source named name (for errors): one document with the
// given ID, or with opt.JSONL one a line with IDs id:line by default. size
// is the byte size when known, else -1.
func (r *reader) stream(name, id string, in io.Reader, size int64, isHTML bool) bool {
	if r.opt.Encoding != nil {
		in = r.opt.Encoding.NewDecoder().Reader(in)
	}
	if r.opt.JSONL {
		return r.jsonl(name, id, in)
	}
	if size > int64(r.opt.MaxBytes) {
		return r.yield(nil, fmt.Errorf("read %s: %d bytes is over the %d-byte document limit", name, size, r.opt.MaxBytes))
	}
	var buf bytes.Buffer
	if size >= 0 {
		buf.Grow(int(size) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(in, int64(r.opt.MaxBytes)+1)); err != nil {
		return r.yield(nil, fmt.Errorf("read %s: %w", name, err))
	}
	raw := buf.Bytes()
	if len(raw) > r.opt.MaxBytes {
		return r.yield(nil, fmt.Errorf("read %s: over the %d-byte document limit", name, r.opt.MaxBytes))
	}
	ctype := ""
	if r.opt.Encoding != nil {
		ctype = "text/html; charset=utf-8" // decoded above
	}
	return r.document(name, id, raw, isHTML, ctype)
}

// document makes the document of one whole source: an HTML page, read in
// the charset of contentType when it names one, or plain text.
func (r *reader) document(name, id string, raw []byte, isHTML bool, contentType string) bool {
	var d *onrecord.Document
	var err error
	if isHTML {
		d, err = NewHTMLDocument(id, raw, contentType)
	} else {
		d, err = NewDocument(id, raw)
	}
	if err != nil {
		return r.yield(nil, fmt.Errorf("read %s: %w", name, err))
	}
	if d.Date == "" {
		d.Date = dateInName(id)
	}
	return r.emit(d, name)
}

// dateInName finds a YYYY-MM-DD date in a file name, the way news archives
// name articles ("nyt_2016-09-20_slug"), for texts without a date header.
func dateInName(id string) string {
	for i := 0; i+10 <= len(id); i++ {
		c := id[i : i+10]
		if (i == 0 || !isDigit(id[i-1])) && (i+10 == len(id) || !isDigit(id[i+10])) && checkDate(c) == nil {
			return c
		}
	}
	return ""
}

// jsonRecord is one JSONL line. Pointers tell a missing field from an
// empty one.
type jsonRecord struct {
	ID   *string `json:"id"`
	Text *string `json:"text"`
	Date *string `json:"date"`
}

func (r *reader) jsonl(name, id string, in io.Reader) bool {
	// A buffer no larger than a line may be: one of 64 KiB for each small
	// input was most of reading it.
	br := bufio.NewReaderSize(in, min(64<<10, r.opt.MaxBytes+2))
	for n := 1; ; n++ {
		line, tooLong, err := r.readLine(br)
		where := name + ":" + strconv.Itoa(n)
		if err != nil && err != io.EOF {
			return r.yield(nil, fmt.Errorf("read %s: %w", where, err))
		}
		if tooLong {
			if !r.yield(nil, fmt.Errorf("read %s: line over the %d-byte document limit", where, r.opt.MaxBytes)) {
				return false
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			d, warning, derr := decodeLine(line, id+":"+strconv.Itoa(n))
			if warning != nil && r.opt.Warn != nil {
				r.opt.Warn(fmt.Errorf("read %s: %w", where, warning))
			}
			more := true
			if derr != nil {
				more = r.yield(nil, fmt.Errorf("read %s: %w", where, derr))
			} else {
				more = r.emit(d, where)
			}
			if !more {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
	}
}

// readLine reads one line without its line ending into r.line. A line
// over the cap is skipped to its end and reported as tooLong.
func (r *reader) readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	r.line = r.line[:0]
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(r.line)+len(chunk) > r.opt.MaxBytes+2 { // +2: the line ending
				tooLong = true
				r.line = r.line[:0]
			} else {
				r.line = append(r.line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		line = r.line
		if n := len(line); n > 0 && line[n-1] == '\n' {
			line = line[:n-1]
		}
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
		return line, tooLong, err
	}
}

// decodeLine turns one JSONL line into a document; defaultID is used when
// the line has no id. A date it cannot read is a warning: the document
// comes without it.
func decodeLine(line []byte, defaultID string) (d *onrecord.Document, warning, err error) {
	if !utf8.Valid(line) {
		return nil, nil, fmt.Errorf("%w at byte offset %d", ErrInvalidUTF8, invalidAt(line))
	}
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, nil, fmt.Errorf("bad JSON: %w", err)
	}
	id := defaultID
	if rec.ID != nil && *rec.ID != "" {
		id = *rec.ID
	}
	if rec.Text == nil {
		return nil, nil, fmt.Errorf("%s: no \"text\" field", id)
	}
	d, err = NewDocument(id, []byte(*rec.Text))
	if err != nil {
		return nil, nil, err
	}
	if rec.Date != nil && *rec.Date != "" {
		date, ok := ParseDate(*rec.Date)
		if !ok {
			// The article is worth more than its date: it is kept.
			return d, fmt.Errorf("%s: date %q not understood (want YYYY-MM-DD, or a form such as \"March 3, 2024\"); the document has no date", id, *rec.Date), nil
		}
		d.Date = date // an explicit date wins over a header in the text
	}
	return d, nil, nil
}
