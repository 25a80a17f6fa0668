package main

// The round hook: a test function's first statement, so that a chunk's log tells which round
// of -count each test goroutine ran in (see templates/stress.go.tmpl).

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// testingName is the name the file imports "testing" under: "" when it does not, "." for a dot import.
func testingName(file *ast.File) string {
	for _, imp := range file.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil || path != "testing" {
			continue
		}
		if imp.Name != nil {
			return imp.Name.Name
		}
		return "testing"
	}
	return ""
}

// testHook returns the edits that start a top-level test function with the round hook, or
// nil when decl is not one: go test runs func TestXxx(t *testing.T) with Xxx not starting
// with a lower-case letter, no receiver, no type parameters and no results.
func testHook(decl ast.Decl, testing string, off func(token.Pos) int, hookFunc string) []edit {
	fn, ok := decl.(*ast.FuncDecl)
	if !ok || fn.Recv != nil || fn.Body == nil || !isTestName(fn.Name.Name) || testing == "" || testing == "_" {
		return nil
	}
	ft := fn.Type
	if ft.TypeParams != nil || (ft.Results != nil && len(ft.Results.List) > 0) || len(ft.Params.List) != 1 {
		return nil
	}
	param := ft.Params.List[0]
	if len(param.Names) > 1 || !isTestingT(param.Type, testing) {
		return nil
	}
	name := "goleakrunT"
	var edits []edit
	switch {
	case len(param.Names) == 0:
		edits = append(edits, edit{off: off(param.Type.Pos()), text: name + " "})
	case param.Names[0].Name == "_":
		edits = append(edits, edit{off: off(param.Names[0].Pos()), del: 1, text: name})
	default:
		name = param.Names[0].Name
	}
	return append(edits, edit{off: off(fn.Body.Lbrace) + 1, text: hookFunc + "(" + name + "); "})
}

func isTestName(name string) bool {
	if !strings.HasPrefix(name, "Test") {
		return false
	}
	if len(name) == 4 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(name[4:])
	return !unicode.IsLower(r)
}

func isTestingT(e ast.Expr, testing string) bool {
	star, ok := e.(*ast.StarExpr)
	if !ok {
		return false
	}
	if testing == "." {
		id, ok := star.X.(*ast.Ident)
		return ok && id.Name == "T"
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "T" {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == testing
}
