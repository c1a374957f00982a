package ticker

import "strconv"

// The canonical suffixes of the markets, laid out as the stringer tool does
// with -linecomment: one string and the offsets of each name in it.
const _Market_name = "SHSZBJHKUSBKLSESGJP"

var _Market_index = [...]uint8{0, 0, 2, 4, 6, 8, 10, 12, 15, 17, 19}

// String returns the canonical suffix ("SH", "HK", "LSE", …), "" for
// Unknown, and "Market(n)" for a value that is not a defined market.
func (m Market) String() string {
	if int(m) >= len(_Market_index)-1 {
		return "Market(" + strconv.FormatInt(int64(m), 10) + ")"
	}
	return _Market_name[_Market_index[m]:_Market_index[m+1]]
}
