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
	// plan whose positions are read in chunks, counted by a scan of the
	// bytes before anything is parsed; each parse (the plan's own fields,
	// each chunk of positions, or the whole file when it is not in the
	// regular layout) is also bounded by catalog.MaxYAMLValues. 200,000
	// positions with every field need about 5 million.
	MaxPlanValues = 5_000_000
	// MaxProblems is how many problems Read lists before it stops with a
	// final "and N more" line.
	MaxProblems = 1_000
)
