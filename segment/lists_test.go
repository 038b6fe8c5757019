package segment_test

import (
	"strings"
	"testing"
	"testing/iotest"

	"github.com/newsseg/newsseg/segment"
)

// kinded renders sentences as "kind: text" lines, for comparing.
func kinded(sents []segment.Sentence) []string {
	out := make([]string, len(sents))
	for i, s := range sents {
		out[i] = s.Kind.String() + ": " + s.Text
	}
	return out
}

const listsPage = "Talks stall in Geneva\n\nLunes 3 marzo 2025\n\nGENEVA — He spoke to the U.K. Cabinet on Monday. " +
	"The U.S. Navy would stay.\n\nReader offer\n\nAdvertisement\n\nBoth sides said little."

func TestListOptions(t *testing.T) {
	r := strings.NewReader
	tests := []struct {
		name string
		opts []segment.Option
		want []string
	}{
		{"defaults", nil, []string{
			"headline: Talks stall in Geneva",
			"headline: Lunes 3 marzo 2025",
			"body: GENEVA — He spoke to the U.K.",
			"body: Cabinet on Monday.",
			"body: The U.S. Navy would stay.",
			"headline: Reader offer",
			"boilerplate: Advertisement",
			"body: Both sides said little.",
		}},
		{"more continuers", []segment.Option{segment.WithMoreContinuers(r("# house list\ngeneral Cabinet\n"))}, []string{
			"headline: Talks stall in Geneva",
			"headline: Lunes 3 marzo 2025",
			"body: GENEVA — He spoke to the U.K. Cabinet on Monday.",
			"body: The U.S. Navy would stay.",
			"headline: Reader offer",
			"boilerplate: Advertisement",
			"body: Both sides said little.",
		}},
		{"continuers replaced", []segment.Option{segment.WithContinuers(r("general Cabinet\n"))}, []string{
			"headline: Talks stall in Geneva",
			"headline: Lunes 3 marzo 2025",
			"body: GENEVA — He spoke to the U.K. Cabinet on Monday.",
			"body: The U.S.",
			"body: Navy would stay.",
			"headline: Reader offer",
			"boilerplate: Advertisement",
			"body: Both sides said little.",
		}},
		{"more furniture", []segment.Option{segment.WithMoreFurniture(r("line reader offer\n"))}, []string{
			"headline: Talks stall in Geneva",
			"headline: Lunes 3 marzo 2025",
			"body: GENEVA — He spoke to the U.K.",
			"body: Cabinet on Monday.",
			"body: The U.S. Navy would stay.",
			"boilerplate: Reader offer",
			"boilerplate: Advertisement",
			"body: Both sides said little.",
		}},
		{"furniture replaced", []segment.Option{segment.WithFurniture(r("line Reader offer\n"))}, []string{
			"headline: Talks stall in Geneva",
			"headline: Lunes 3 marzo 2025",
			"body: GENEVA — He spoke to the U.K.",
			"body: Cabinet on Monday.",
			"body: The U.S. Navy would stay.",
			"boilerplate: Reader offer",
			"headline: Advertisement",
			"body: Both sides said little.",
		}},
		{"more meta", []segment.Option{segment.WithMoreMeta(r("date lunes\ndate marzo\n"))}, []string{
			"headline: Talks stall in Geneva",
			"meta: Lunes 3 marzo 2025",
			"body: GENEVA — He spoke to the U.K.",
			"body: Cabinet on Monday.",
			"body: The U.S. Navy would stay.",
			"headline: Reader offer",
			"boilerplate: Advertisement",
			"body: Both sides said little.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := segment.New(tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			got := kinded(s.Segment(listsPage))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestListOptionsMeta replaces the meta list: a date line and a photo
// credit are no longer Meta.
func TestListOptionsMeta(t *testing.T) {
	const page = "Talks stall in Geneva\n\nJan 10, 2022\n\nGENEVA — The talks ended on Monday.\n\nPhoto: Ana Ruiz/Reuters\n\nBoth sides said little."
	tests := []struct {
		name string
		opt  segment.Option
		want []string
	}{
		{"defaults", nil, []string{
			"headline: Talks stall in Geneva",
			"meta: Jan 10, 2022",
			"body: GENEVA — The talks ended on Monday.",
			"meta: Photo: Ana Ruiz/Reuters",
			"body: Both sides said little.",
		}},
		{"replaced by a list without dates or credits", segment.WithMeta(strings.NewReader("byline reporting by\n")), []string{
			"headline: Talks stall in Geneva",
			"headline: Jan 10, 2022",
			"body: GENEVA — The talks ended on Monday.",
			"headline: Photo: Ana Ruiz/Reuters",
			"body: Both sides said little.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := segment.New(tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := kinded(s.Segment(page)); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestListOptionsIsolated checks that a Segmenter's lists are its own: the
// defaults, shared by the others, do not change.
func TestListOptionsIsolated(t *testing.T) {
	var zero segment.Segmenter
	before := kinded(zero.Segment(listsPage))
	for _, opt := range []segment.Option{
		segment.WithContinuers(strings.NewReader("")),
		segment.WithMoreContinuers(strings.NewReader("general Cabinet")),
		segment.WithFurniture(strings.NewReader("")),
		segment.WithMoreFurniture(strings.NewReader("line reader offer")),
		segment.WithMeta(strings.NewReader("")),
		segment.WithMoreMeta(strings.NewReader("date lunes")),
	} {
		if _, err := segment.New(opt); err != nil {
			t.Fatal(err)
		}
	}
	if after := kinded(zero.Segment(listsPage)); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("the default lists changed:\n%s\nwant:\n%s", strings.Join(after, "\n"), strings.Join(before, "\n"))
	}
}

func TestListOptionErrors(t *testing.T) {
	r := strings.NewReader
	tests := []struct {
		name string
		opt  segment.Option
		want string
	}{
		{"continuer of two words", segment.WithMoreContinuers(r("general Navy\n\ngeneral White House\n")),
			`segment: WithMoreContinuers: line 3: "general White House": not one word`},
		{"continuer for a title", segment.WithMoreContinuers(r("title Smith\n")),
			`segment: WithMoreContinuers: line 1: "title Smith": kind title takes no continuers`},
		{"continuer without kind", segment.WithContinuers(r("Navy\n")),
			`segment: WithContinuers: line 1: "Navy": not MODE PHRASE`},
		{"unknown furniture mode", segment.WithMoreFurniture(r("# ours\nline Sponsored\nlabl Partner content\n")),
			`segment: WithMoreFurniture: line 3: "labl Partner content": unknown mode`},
		{"furniture without phrase", segment.WithFurniture(r("line\n")),
			`segment: WithFurniture: line 1: "line": not MODE PHRASE`},
		{"credit of one byte", segment.WithMoreMeta(r("credit ©\ncredit C\n")),
			`segment: WithMoreMeta: line 2: "credit C": a credit marker needs two bytes at least`},
		{"nil reader", segment.WithMeta(nil), `segment: WithMeta: nil io.Reader`},
		{"read error", segment.WithContinuers(iotest.ErrReader(iotest.ErrTimeout)), `segment: WithContinuers: line 1: timeout`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := segment.New(tt.opt)
			if err == nil || err.Error() != tt.want {
				t.Errorf("New = %v, %v; want the error %s", s, err, tt.want)
			}
		})
	}
}

// TestOptionOnZeroSegmenter applies options by hand: to a zero Segmenter
// they change what the zero value does; to a nil one they return an error.
func TestOptionOnZeroSegmenter(t *testing.T) {
	var s segment.Segmenter
	if err := segment.WithoutMerge()(&s); err != nil {
		t.Fatal(err)
	}
	want, err := segment.New(segment.WithoutMerge())
	if err != nil {
		t.Fatal(err)
	}
	text := "Ms.\nSherman said so.\n"
	if got, want := kinded(s.Segment(text)), kinded(want.Segment(text)); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
	if err := segment.WithoutMerge()(nil); err == nil {
		t.Error("an option applied to a nil *Segmenter returned no error")
	}
}
