package orgchart

// Limits of what Read accepts. Beyond them a plan is refused with a Problem
// naming the limit, so that a hostile or broken file costs bounded time and
// memory. docs/plan-format.md documents them.
const (
	// MaxFileSize is the largest plan file in bytes; ReadFile refuses bigger
	// files before reading them.
	MaxFileSize = 32 << 20
	// MaxPositions is the most positions one plan may hold.
	MaxPositions = 200_000
	// MaxDepth is the longest reporting chain: layers below a top position.
	MaxDepth = 1_000
	// MaxCount is the largest team a single position may stand for.
	MaxCount = 10_000
	// MaxCost is the largest yearly cost per person.
	MaxCost = 100_000_000
	// MaxIDLength is the longest position id.
	MaxIDLength = 64
	// MaxPlanValues bounds the YAML values (keys, values, list items) of a
	// plan, counted by a scan of the bytes before anything is parsed,
	// whichever way the plan is then read. 200,000 positions with every
	// field need about 5 million.
	MaxPlanValues = 5_000_000
	// MaxSlowBytes and MaxSlowValues bound the part of a plan read by the
	// general YAML parser (yaml.v3), which reads 1-8 MB a second and builds
	// about 250 bytes of tree per value: the plan's own fields (everything
	// outside the positions list) and every position written in a form the
	// fast reader does not read (read_fast.go lists what it reads), or the
	// whole file when its positions are not a block list. Past either
	// bound the plan is refused before that part is parsed, with the line
	// of the first such form.
	MaxSlowBytes  = 4 << 20
	MaxSlowValues = 250_000
	// MaxProblems is how many problems Read lists before it stops with a
	// final "and N more" line.
	MaxProblems = 1_000
)
