package orgchart

import (
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"go.yaml.in/yaml/v3"
)

// Comments are the YAML comments a person wrote around one position or
// around the plan's own fields, kept so that a save (fmt, the app) writes
// them back where they were: above the field they precede, at the end of
// its line, or after the last field. Keys are field names as written in the
// file ("holder", "reportsTo"; for the plan "name", "positions"); "" is the
// position itself (the comment above its `- id:` line). Each value holds
// whole comment lines, "# " included, joined by "\n".
type Comments struct {
	Before map[string]string
	After  map[string]string
	End    string
}

// IsZero reports whether c holds no comment (nil included).
func (c *Comments) IsZero() bool {
	return c == nil || len(c.Before) == 0 && len(c.After) == 0 && c.End == ""
}

func (c *Comments) before(key string) string {
	if c == nil {
		return ""
	}
	return c.Before[key]
}

func (c *Comments) after(key string) string {
	if c == nil {
		return ""
	}
	return c.After[key]
}

func (c *Comments) end() string {
	if c == nil {
		return ""
	}
	return c.End
}

func joinComments(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}

func (c *Comments) addBefore(key, text string) {
	if text == "" {
		return
	}
	if c.Before == nil {
		c.Before = map[string]string{}
	}
	c.Before[key] = joinComments(c.Before[key], text)
}

func (c *Comments) addAfter(key, text string) {
	if text == "" {
		return
	}
	if c.After == nil {
		c.After = map[string]string{}
	}
	if old := c.After[key]; old != "" {
		text = old + " " + text
	}
	c.After[key] = text
}

func (c *Comments) addEnd(text string) { c.End = joinComments(c.End, text) }

// maxCommentDepth bounds the nesting gather walks: a valid plan nests a few
// levels; deeper comments belong to files that are refused anyway.
const maxCommentDepth = 64

// gather returns every comment in the subtree of n, in file order.
func gather(n *yaml.Node, depth int) string {
	if n == nil || depth > maxCommentDepth {
		return ""
	}
	s := joinComments(n.HeadComment, n.LineComment)
	for _, c := range n.Content {
		s = joinComments(s, gather(c, depth+1))
	}
	return joinComments(s, n.FootComment)
}

// positionComments reads the comments of one position's mapping.
func positionComments(item *yaml.Node) *Comments {
	var c Comments // on the stack: most positions have none
	c.addBefore("", item.HeadComment)
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, v := item.Content[i], item.Content[i+1]
		key := k.Value
		if i == 0 {
			c.addBefore("", k.HeadComment)
			c.addAfter(key, item.LineComment)
		} else {
			c.addBefore(key, k.HeadComment)
		}
		c.addAfter(key, k.LineComment)
		if v.Kind == yaml.ScalarNode {
			c.addBefore(key, v.HeadComment)
			c.addAfter(key, v.LineComment)
			c.addEnd(v.FootComment)
		} else {
			c.addBefore(key, gather(v, 0))
		}
		c.addEnd(k.FootComment)
	}
	c.addEnd(item.FootComment)
	if c.IsZero() {
		return nil
	}
	out := c
	return &out
}

// planComments reads the comments around the plan's own fields (the
// positions' own are read with them; the header block is Plan.Header).
func planComments(doc, root *yaml.Node) *Comments {
	c := &Comments{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := k.Value
		if i > 0 { // the first key's head comment is in the header block
			c.addBefore(key, k.HeadComment)
		}
		c.addAfter(key, k.LineComment)
		switch {
		case key == "positions" && v.Kind == yaml.SequenceNode:
			c.addBefore(key, v.HeadComment)
			c.addAfter(key, v.LineComment)
			c.addEnd(v.FootComment)
		case v.Kind == yaml.ScalarNode:
			c.addBefore(key, v.HeadComment)
			c.addAfter(key, v.LineComment)
			c.addEnd(v.FootComment)
		default:
			c.addBefore(key, gather(v, 0))
		}
		c.addEnd(k.FootComment)
	}
	c.addEnd(root.FootComment)
	c.addEnd(doc.FootComment)
	if c.IsZero() {
		return nil
	}
	return c
}

// appendCommentLines writes text as whole comment lines at indent: split at
// every YAML line break, "# " added where a line lacks its '#', blank lines
// dropped (a blank line would move the comment to another field).
func appendCommentLines(b []byte, indent, text string) []byte {
	if text == "" {
		return b
	}
	data := []byte(text)
	for off := 0; off < len(data); {
		next := catalog.NextLine(data, off)
		line := strings.Trim(strings.TrimRight(string(data[off:next]), "\r\n\u0085\u2028\u2029"), " \t")
		off = next
		if line == "" {
			continue
		}
		b = append(b, indent...)
		if !strings.HasPrefix(line, "#") {
			b = append(b, "# "...)
		}
		b = append(b, line...)
		b = append(b, '\n')
	}
	return b
}

// endLine ends the line just written (b ends in '\n') with the comment
// text, on that line.
func endLine(b []byte, text string) []byte {
	if text == "" || len(b) == 0 || b[len(b)-1] != '\n' {
		return b
	}
	var one []string
	data := []byte(text)
	for off := 0; off < len(data); {
		next := catalog.NextLine(data, off)
		if line := strings.Trim(strings.TrimRight(string(data[off:next]), "\r\n\u0085\u2028\u2029"), " \t"); line != "" {
			one = append(one, line)
		}
		off = next
	}
	if len(one) == 0 {
		return b
	}
	s := strings.Join(one, " ")
	if !strings.HasPrefix(s, "#") {
		s = "# " + s
	}
	b = append(b[:len(b)-1], ' ')
	b = append(b, s...)
	return append(b, '\n')
}
