// Package recovery keeps a recovery copy of a plan's unsaved work, so that a
// crash, a killed process or a power cut loses at most a few seconds of edits.
//
// It has no Fyne dependency: the app calls it, tests call it directly.
//
// How the app uses it:
//
//	store, err := recovery.Open("")            // "" = DefaultDir(); once at start
//	copies, problems := store.List()           // at start: offer to restore each copy
//	data, err := store.Load(copies[i])         // the plan bytes, checksum verified
//	store.Save(planPath, plan.Encode())        // after edits, at most every few seconds
//	store.Remove(planPath)                     // after a successful save and on clean quit
//
// A copy is keyed by the plan's absolute path ("" for a new plan that has
// never been saved), so each plan has at most one copy and saving it again
// replaces it. Every write is atomic (temporary file in the same folder,
// fsync, rename), so a crash during Save leaves the previous copy intact.
//
// A copy file is plain text: four header lines starting with "#" and then
// the plan's YAML exactly as Encode produced it, so a person can recover it
// with a text editor even without the app. A copy whose checksum does not
// match (truncated, edited, disk error) is never offered as good: List
// reports it as a problem and Load refuses it.
//
// FileStamp answers the other half of "never lose work": whether the plan
// file on disk changed since the app opened or last saved it, so the app
// can ask before saving over someone else's changes.
package recovery
