package document

import "time"

// History is what version control says about a pair of files: which
// commits of the source the translation lacks and which source lines they
// changed. The runner attaches it (package history) to a document of two
// files in a git work tree before the checks run; nil when the files have
// no history to compare (not in a git work tree, not committed).
type History struct {
	// Base is what the translation is based on: the source commit its
	// marker names (Marker > 0), else the last commit that changed the
	// target.
	Base Commit
	// Marker is the line of the target's marker naming the source commit
	// it translates (source_commit: in front matter, <!-- source:
	// en@abc123 -->); 0 when it has none and Base is the target's last
	// commit.
	Marker int
	// Behind are the commits that changed the source after Base, newest
	// first: not ancestors of Base, or, when source and target are in
	// different repositories and no marker names a source commit,
	// committed later than Base.
	Behind []Commit
	// ByDate says that Behind was found by comparing dates across
	// repositories, not by ancestry in one.
	ByDate bool
	// AtLeast says that the history is cut (a shallow clone) and Base is
	// at or before its oldest commit: the translation lacks Behind and
	// perhaps more.
	AtLeast bool
	// Days is how long the translation has been behind: whole days from
	// the oldest commit of Behind to the time of the run.
	Days int
	// Changes are the source lines changed since Base (git diff
	// --unified=0 of the source at Base against the file as it is now),
	// in the order of the file; empty when Behind is.
	Changes []Change
	// DiffError says why Changes could not be read; "" when they were.
	DiffError string
}

// Commit is one commit as the history reports it.
type Commit struct {
	Hash    string
	Time    time.Time // committer date
	Subject string
}

// Short returns the hash cut to the length git shows by default.
func (c Commit) Short() string {
	if len(c.Hash) > 7 {
		return c.Hash[:7]
	}
	return c.Hash
}

// ChangeKind says what a change of the source did to its text.
type ChangeKind int

// Kinds of change. A translation follows ChangeText; ChangeSpace (white
// space and line breaks only) and ChangeLink (link destinations only)
// rarely need one.
const (
	ChangeText ChangeKind = iota
	ChangeSpace
	ChangeLink
)

// String returns "text", "white space" or "links".
func (k ChangeKind) String() string {
	switch k {
	case ChangeSpace:
		return "white space"
	case ChangeLink:
		return "links"
	}
	return "text"
}

// Change is one hunk of the source's diff since the translation's base:
// lines From to To (1-based, both included) of the source as it is now,
// or, for lines only removed, From = To = the line after which they stood
// (0 at the start of the file) and Removed set.
type Change struct {
	From, To int
	Removed  bool
	Kind     ChangeKind
}
