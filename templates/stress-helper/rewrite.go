package main

// The rewrite inserts calls into the overlaid copies of a package's files, never a line:
// go/parser finds where, and the text is spliced at those byte offsets, so everything
// else (comments, formatting, //line directives, build tags) stays byte for byte and every
// statement keeps its line. Two kinds of call are inserted:
//
//   - a perturbation point, `PERTURB(site); `, before each statement that does a channel
//     operation (send, receive, select, close), a lock operation (Lock, Unlock, RLock,
//     RUnlock, TryLock, Wait, Signal, Broadcast, and wg.Done() as a statement) or starts a
//     goroutine. The call returns having perhaps yielded or slept a little: timing changes,
//     meaning does not. Only statements of a statement list get one, so the call is a
//     statement of its own; a receive in an if, for or switch header gets it before the
//     whole statement.
//   - a round hook, `HOOK(t); `, as the first statement of each top-level test function
//     (func TestXxx(t *testing.T) in a _test.go file), which logs the test's goroutine so
//     that a leaked goroutine can be traced to the round of -count it was started in.

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"sort"
	"strconv"
	"strings"
)

type rewriteRequest struct {
	Files       []rewriteFile `json:"files"`
	Perturb     bool          `json:"perturb"`
	Hooks       bool          `json:"hooks"`
	PerturbFunc string        `json:"perturbFunc"`
	HookFunc    string        `json:"hookFunc"`
}

type rewriteFile struct {
	Path string `json:"path"`
	Src  string `json:"src"`
	// Group is "internal" (the package and its in-package tests) or "external" (package x_test):
	// perturbation sites are numbered per group, as each group gets its own copy of the runtime.
	Group string `json:"group"`
	Test  bool   `json:"test"`
}

type rewriteResult struct {
	Path string `json:"path"`
	// Src is the rewritten text, or "" when nothing changed.
	Src     string `json:"src"`
	Package string `json:"package"`
	Sites   int    `json:"sites"`
	Hooks   int    `json:"hooks"`
	// Error is set when the file could not be parsed; it is then left as it is.
	Error string `json:"error,omitempty"`
}

type rewriteResponse struct {
	Files []rewriteResult `json:"files"`
	// Sites is the number of perturbation sites per group.
	Sites map[string]int `json:"sites"`
}

func rewriteMain(in io.Reader, out io.Writer) error {
	var req rewriteRequest
	if err := json.NewDecoder(in).Decode(&req); err != nil {
		return err
	}
	resp := rewriteResponse{Files: []rewriteResult{}, Sites: map[string]int{}}
	for _, f := range req.Files {
		next := resp.Sites[f.Group]
		res := rewriteOne(f, req, next)
		resp.Sites[f.Group] = next + res.Sites
		resp.Files = append(resp.Files, res)
	}
	return json.NewEncoder(out).Encode(resp)
}

// edit is an insertion (del == 0) or a replacement of del bytes at off.
type edit struct {
	off  int
	del  int
	text string
}

func rewriteOne(f rewriteFile, req rewriteRequest, firstSite int) rewriteResult {
	res := rewriteResult{Path: f.Path}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, f.Path, f.Src, parser.SkipObjectResolution)
	if err != nil {
		res.Error = err.Error()
		return res
	}
	res.Package = file.Name.Name
	tf := fset.File(file.Pos())
	off := func(p token.Pos) int { return tf.Offset(p) }
	var edits []edit
	if req.Perturb {
		for _, stmt := range perturbPoints(file) {
			edits = append(edits, edit{off: off(stmt.Pos()), text: req.PerturbFunc + "(" + strconv.Itoa(firstSite+res.Sites) + "); "})
			res.Sites++
		}
	}
	if req.Hooks && f.Test {
		for _, fn := range file.Decls {
			hook := testHook(fn, testingName(file), off, req.HookFunc)
			if hook != nil {
				edits = append(edits, hook...)
				res.Hooks++
			}
		}
	}
	if len(edits) == 0 {
		return res
	}
	res.Src = applyEdits(f.Src, edits)
	return res
}

func applyEdits(src string, edits []edit) string {
	// Stable: two insertions at one offset keep the order they were found in.
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].off < edits[j].off })
	var b strings.Builder
	b.Grow(len(src) + 32*len(edits))
	at := 0
	for _, e := range edits {
		b.WriteString(src[at:e.off])
		b.WriteString(e.text)
		at = e.off + e.del
	}
	b.WriteString(src[at:])
	return b.String()
}

// perturbPoints lists, in source order, the statements that get a perturbation call before them.
func perturbPoints(file *ast.File) []ast.Stmt {
	var points []ast.Stmt
	visitList := func(list []ast.Stmt) {
		for _, s := range list {
			if perturbs(s) {
				points = append(points, s)
			}
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BlockStmt:
			visitList(n.List)
		case *ast.CaseClause:
			visitList(n.Body)
		case *ast.CommClause:
			visitList(n.Body)
		}
		return true
	})
	sort.SliceStable(points, func(i, j int) bool { return points[i].Pos() < points[j].Pos() })
	return points
}

// perturbs tells whether a statement of a list does a synchronising operation itself (not in
// a nested block or function literal, which get their own points).
func perturbs(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.SendStmt, *ast.GoStmt, *ast.SelectStmt:
		return true
	case *ast.LabeledStmt:
		return perturbs(s.Stmt)
	case *ast.ExprStmt:
		// wg.Done() is a signal only as a statement: ctx.Done() there would be dead code.
		if call, ok := s.X.(*ast.CallExpr); ok && len(call.Args) == 0 && selectorName(call.Fun) == "Done" {
			return true
		}
		return syncsIn(s.X)
	case *ast.AssignStmt:
		return exprsSync(s.Lhs) || exprsSync(s.Rhs)
	case *ast.ReturnStmt:
		return exprsSync(s.Results)
	case *ast.DeclStmt:
		return syncsIn(s.Decl)
	case *ast.IfStmt:
		return stmtSyncs(s.Init) || syncsIn(s.Cond)
	case *ast.ForStmt:
		return stmtSyncs(s.Init) || syncsIn(s.Cond)
	case *ast.RangeStmt:
		return syncsIn(s.X)
	case *ast.SwitchStmt:
		return stmtSyncs(s.Init) || syncsIn(s.Tag)
	case *ast.TypeSwitchStmt:
		return stmtSyncs(s.Init) || stmtSyncs(s.Assign)
	}
	// Defer runs its call at return, where no statement can precede it; blocks, branches and
	// inc/dec statements do nothing to wait for.
	return false
}

func exprsSync(list []ast.Expr) bool {
	for _, e := range list {
		if syncsIn(e) {
			return true
		}
	}
	return false
}

func stmtSyncs(s ast.Stmt) bool {
	return s != nil && syncsIn(s)
}

// lockMethods are the sync methods (by name: go/ast has no types) before which a pause moves
// a lock or condition hand-over. A same-named method of another type only gets a harmless pause.
var lockMethods = map[string]bool{
	"Lock": true, "Unlock": true, "RLock": true, "RUnlock": true, "TryLock": true, "TryRLock": true,
	"Wait": true, "Signal": true, "Broadcast": true,
}

// syncsIn finds a receive, close(ch) or a lock method call in nodes, outside function literals.
func syncsIn(nodes ...ast.Node) bool {
	found := false
	for _, node := range nodes {
		if node == nil {
			continue
		}
		ast.Inspect(node, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.UnaryExpr:
				if n.Op == token.ARROW {
					found = true
				}
			case *ast.CallExpr:
				if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "close" && len(n.Args) == 1 {
					found = true
				} else if lockMethods[selectorName(n.Fun)] {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

func selectorName(e ast.Expr) string {
	if sel, ok := e.(*ast.SelectorExpr); ok {
		return sel.Sel.Name
	}
	return ""
}
