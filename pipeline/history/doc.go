// Package history reads what git knows about the pairs of files of a run,
// so that the stale check can tell a translation its source has moved
// past.
//
// For each pair (a source file and its translation, both in git work
// trees) it finds:
//
//  1. the base of the translation: the source commit its marker names
//     (source_commit: in front matter, <!-- source: en@abc123 -->; see
//     FindMarker), else the last commit that changed the translation;
//  2. the source's commits after the base: by ancestry in one repository
//     (a commit the base does not contain), by date across two;
//  3. for a pair with such commits, the source lines changed since the
//     base (git diff --unified=0), each hunk told apart as text, white
//     space or links.
//
// Read does steps 1 and 2 for every pair at once, with one git log walk
// per repository (renames of a file are followed from the walk's R lines,
// as git log --follow does for one file); Attach does step 3 for one
// document, when the runner reads it. Shallow clones are read as far as
// they go, and what they leave unknown is said. Files outside any git work
// tree are left alone; git is run only when some file is inside one.
package history
