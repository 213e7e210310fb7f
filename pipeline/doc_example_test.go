package pipeline_test

import (
	"context"
	"fmt"

	"github.com/onrecord/onrecord/pipeline"
	"github.com/onrecord/onrecord/text"
)

// The extractor is loaded once and may then be shared by many goroutines.
func ExamplePipeline_Extract() {
	p, err := pipeline.Default()
	if err != nil {
		panic(err)
	}
	d, err := text.NewDocument("example", []byte(`"We will not back down," Senator Jane Smith said on Tuesday.`))
	if err != nil {
		panic(err)
	}
	if err := p.Extract(context.Background(), d); err != nil {
		panic(err)
	}
	for _, q := range d.Quotes {
		fmt.Printf("%s: %s (%s, cue %q)\n", q.Speaker.Name, d.Slice(q.Content[0]), q.Kind, d.Slice(q.Cue[0]))
	}
	// Output:
	// Jane Smith: "We will not back down," (direct, cue "said")
}
