package ticker

// Anchor is one piece of article markup that may carry a security code: an
// Eastmoney EM_StockImg quote embed or keytip link, a Sina stock span, a
// 证券时报 trsHotWords link, a Reuters symbol span, a chart image. Article
// parsers fill it from the HTML as written; [AnchorSymbol] interprets it.
// Every field holds the attribute value as found, entity-decoded and trimmed;
// an empty field means the attribute was absent.
type Anchor struct {
	Tag       string // element name, lower case: "a", "span", "img"
	Href      string // href attribute
	Src       string // src attribute (images), e.g. a GetPic.aspx?nid=116.00700 URL
	ID        string // id attribute, e.g. "stock_sz300059", "symbol_FB.O_0"
	Class     string // class attribute, e.g. "keytip", "EmImageRemark", "trsHotWords"
	DataCode  string // data-code, e.g. "00700|116|5" or "1,688668"
	DataCode2 string // data-code2, e.g. "00700|116|3|"
	Code      string // code attribute (证券时报), e.g. "601816"
	Alt       string // alt attribute of images
	Text      string // the element's text content (the anchor text)
	Embed     bool   // inside an EM_StockImg quote block rather than in running text
}
