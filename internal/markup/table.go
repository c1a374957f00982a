package markup

import (
	"strings"
	"unicode/utf8"

	"github.com/stocknews/stocknews/ticker"
)

// HTML tables. Every row becomes one paragraph whose cells are joined by a
// tab, so that the cells never run together (600309 and 万华化学 in adjacent
// cells must not read as 600309万华化学). A row of header cells (<th>, or
// a first row naming a code column) is a Heading. When the header names a
// code column (代码, 证券代码, 股票代码), every data row whose code cell holds
// a code gives an Anchor with Tag "tr", Class [TableRowClass], Code the
// cell as written and Text the row's name cell (简称, 名称, …) when there is
// one: the table links the security as a stock link would.

// CellSep separates the cells of a table row in the paragraph text.
const CellSep = "\t"

// TableRowClass is the Class of the anchors that table rows give.
const TableRowClass = "table-row"

// codeHeaders and nameHeaders name a table's code and name columns.
var (
	codeHeaders = []string{"代码", "证券代码", "股票代码", "代码简称", "证券编码", "code", "Code", "代码/简称"}
	nameHeaders = []string{"简称", "名称", "证券简称", "股票简称", "股票名称", "证券名称", "公司名称", "公司", "个股"}
)

// table is the state of one open <table>.
type table struct {
	cells    []string
	cellOpen bool
	cell     strings.Builder
	allTh    bool // every cell of the row so far is a <th>
	rows     int
	codeCol  int // -1 when no header named a code column
	nameCol  int
}

func (w *walker) openTable() {
	w.tables = append(w.tables, &table{codeCol: -1, nameCol: -1, allTh: true})
}

func (w *walker) closeTable() {
	if len(w.tables) == 0 {
		return
	}
	w.flush()
	w.endCell()
	w.endRow()
	w.tables = w.tables[:len(w.tables)-1]
}

func (w *walker) openCell(th bool) {
	if len(w.tables) == 0 {
		return
	}
	w.flush()
	w.endCell()
	t := w.tables[len(w.tables)-1]
	t.cellOpen = true
	t.allTh = t.allTh && th
}

// cellText adds a flushed paragraph to the open cell, reporting whether
// there was one.
func (w *walker) cellText(text string) bool {
	if len(w.tables) == 0 {
		return false
	}
	t := w.tables[len(w.tables)-1]
	if !t.cellOpen {
		return false
	}
	if t.cell.Len() > 0 {
		t.cell.WriteByte(' ')
	}
	t.cell.WriteString(text)
	return true
}

func (w *walker) endCell() {
	if len(w.tables) == 0 {
		return
	}
	t := w.tables[len(w.tables)-1]
	if !t.cellOpen {
		return
	}
	w.flush()
	t.cellOpen = false
	t.cells = append(t.cells, squeezeSpaced(t.cell.String()))
	t.cell.Reset()
}

// endRow emits the open row as a paragraph, and its anchor.
func (w *walker) endRow() {
	if len(w.tables) == 0 {
		return
	}
	w.endCell()
	t := w.tables[len(w.tables)-1]
	cells := t.cells
	t.cells = t.cells[:0]
	allTh := t.allTh
	t.allTh = true
	if strings.Join(cells, "") == "" {
		return
	}
	t.rows++
	kind := Body
	if allTh || (t.codeCol < 0 && t.rows == 1 && headerCol(cells, codeHeaders) >= 0) {
		kind = Heading
		if c := headerCol(cells, codeHeaders); c >= 0 {
			t.codeCol, t.nameCol = c, headerCol(cells, nameHeaders)
		}
	} else if t.codeCol >= 0 && t.codeCol < len(cells) && w.skip == 0 {
		if code := strings.ReplaceAll(cells[t.codeCol], " ", ""); isCodeCell(code) {
			an := ticker.Anchor{Tag: "tr", Class: TableRowClass, Code: code}
			if t.nameCol >= 0 && t.nameCol < len(cells) {
				an.Text = cells[t.nameCol]
			}
			w.res.Anchors = append(w.res.Anchors, an)
		}
	}
	if w.skip == 0 {
		// Empty cells at the ends of a row are dropped: a paragraph never
		// starts or ends with white space.
		for len(cells) > 0 && cells[len(cells)-1] == "" {
			cells = cells[:len(cells)-1]
		}
		for len(cells) > 0 && cells[0] == "" {
			cells = cells[1:]
		}
		w.res.Blocks = append(w.res.Blocks, Block{Kind: kind, Text: strings.Join(cells, CellSep)})
	}
}

// headerCol returns the index of the first cell naming one of headers.
func headerCol(cells, headers []string) int {
	for i, c := range cells {
		c = strings.ReplaceAll(c, " ", "")
		for _, h := range headers {
			if c == h {
				return i
			}
		}
	}
	return -1
}

// isCodeCell reports whether a cell holds a security code: digits (a
// five-digit Hong Kong or six-digit mainland code), optionally with a
// market suffix or prefix (600519.SH, SH600519).
func isCodeCell(s string) bool {
	if len(s) < 4 || len(s) > 12 {
		return false
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			digits++
		}
	}
	return digits == 5 || digits == 6
}

// squeezeSpaced removes the spaces a cell puts between Chinese characters
// to pad a short name (康 希 诺); other spaces stay.
func squeezeSpaced(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && i > 0 && i+1 < len(s) {
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			if isWide(prev) && isWide(next) {
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
