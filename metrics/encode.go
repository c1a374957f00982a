package metrics

import (
	"encoding"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/stocknews/stocknews/ticker"
)

// Encoding errors. [Coverage.UnmarshalBinary] returns them wrapped in a
// [*DecodeError] that says where the input went wrong; test for them with
// [errors.Is].
var (
	// ErrVersion means the input is a coverage encoding of a version this
	// package cannot read, or not a coverage encoding at all.
	ErrVersion = errors.New("unsupported encoding version")
	// ErrCorrupt means the input is truncated or holds values that no
	// encoder writes: lengths past the end, unsorted or repeated records,
	// out-of-range fields, trailing bytes.
	ErrCorrupt = errors.New("corrupt encoding")
)

// DecodeError reports where a coverage encoding could not be read.
type DecodeError struct {
	Offset int    // byte offset into the input where the bad field starts
	Field  string // the field being read: "magic", "record id", "link relevance", …
	Err    error  // ErrVersion or ErrCorrupt
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("metrics: decoding coverage: %s at byte %d: %v", e.Field, e.Offset, e.Err)
}

func (e *DecodeError) Unwrap() error { return e.Err }

// Encoding header: four magic bytes, a version byte and, from version 2, a
// mode byte.
const (
	encodingMagic   = "SNCV"
	encodingVersion = 2
	modeExact       = 0
	modeBounded     = 1
)

var (
	_ encoding.BinaryMarshaler   = (*Coverage)(nil)
	_ encoding.BinaryUnmarshaler = (*Coverage)(nil)
)

// MarshalBinary encodes what the Coverage has collected, not its options
// (but for a bounded one, the options that settled its articles). The
// bytes are deterministic: two exact accumulators holding the same inputs
// and error count encode identically whatever the order they were built
// in.
//
// Version 2 layout (uvarint/varint as in encoding/binary, strings as a
// uvarint length then bytes, fixed-size numbers little-endian):
//
//	"SNCV" 0x02 mode:u8
//	mode 0, exact:   uvarint(errors)  uvarint(records)  record…
//	mode 1, bounded: the body described at rollup.appendBody
//	record: string(id) flags:u8(bit0 dated, bit1 signed, bit2 url, bit3 text)
//	        [varint(unix seconds) if dated] string(media)
//	        [u64(simhash) if signed] [u64(url hash) if url] [u64(text hash) if text]
//	        uvarint(links) link…
//	link:   string(code) u8(market) string(name) uvarint(mentions)
//	        f64(relevance) u8(in title) uvarint(claims)
//	        u8(tone: 0 none, 1 negative, 2 neutral, 3 positive) [f64(tone score) if tone]
//
// Records are sorted by id, and links by code, then market. Version 1
// ("SNCV" 0x01, no mode byte, no url or text hash, no tone, records keyed
// by article id first) and the former bounded encoding ("SNRU" 0x01) are still read;
// version 1 records have no repeat hashes, so repeats among them are not
// found.
func (c *Coverage) MarshalBinary() ([]byte, error) {
	if c.roll != nil {
		b := append([]byte(encodingMagic), encodingVersion, modeBounded)
		return c.roll.appendBody(b), nil
	}
	ids := make([]string, 0, len(c.records))
	size := 16
	for id, r := range c.records {
		ids = append(ids, id)
		size += len(id) + len(r.media) + 40 + 48*len(r.links)
	}
	slices.Sort(ids)
	b := make([]byte, 0, size)
	b = append(b, encodingMagic...)
	b = append(b, encodingVersion, modeExact)
	b = binary.AppendUvarint(b, uint64(c.errors))
	b = binary.AppendUvarint(b, uint64(len(ids)))
	for _, id := range ids {
		b = c.records[id].appendTo(b)
	}
	return b, nil
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// appendTo appends the record's encoding to b.
func (r *record) appendTo(b []byte) []byte {
	b = appendString(b, r.id)
	var flags byte
	if r.dated {
		flags |= 1
	}
	if r.hasSig {
		flags |= 2
	}
	if r.urlHash != 0 {
		flags |= 4
	}
	if r.textHash != 0 {
		flags |= 8
	}
	b = append(b, flags)
	if r.dated {
		b = binary.AppendVarint(b, r.unix)
	}
	b = appendString(b, r.media)
	if r.hasSig {
		b = binary.LittleEndian.AppendUint64(b, r.sig)
	}
	if r.urlHash != 0 {
		b = binary.LittleEndian.AppendUint64(b, r.urlHash)
	}
	if r.textHash != 0 {
		b = binary.LittleEndian.AppendUint64(b, r.textHash)
	}
	b = binary.AppendUvarint(b, uint64(len(r.links)))
	for _, l := range r.links {
		b = appendString(b, l.sym.Code())
		b = append(b, byte(l.sym.Market()))
		b = appendString(b, l.name)
		b = binary.AppendUvarint(b, uint64(l.mentions))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(l.relevance))
		if l.inTitle {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
		b = binary.AppendUvarint(b, uint64(l.claims))
		b = append(b, toneCode(&l))
		if l.toned {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(l.toneScore))
		}
	}
	return b
}

// UnmarshalBinary replaces what the Coverage has collected with what data
// holds, written by [Coverage.MarshalBinary] (or by an earlier version, see
// there); the options are kept. The encoding decides the form: an exact
// encoding makes the Coverage exact; a bounded one makes it bounded, with
// the receiver's Recent budget (DefaultRecent when it has none), and its
// settling options must match the receiver's (else the error wraps
// [ErrOptions]). On error the Coverage is unchanged and the error is a
// [*DecodeError] wrapping [ErrVersion], [ErrCorrupt] or [ErrOptions]. It
// never panics, and it allocates in proportion to len(data), whatever the
// lengths the input claims.
func (c *Coverage) UnmarshalBinary(data []byte) error {
	if len(data) >= len(rollupMagic) && string(data[:len(rollupMagic)]) == rollupMagic {
		d, err := newDecoder(data, rollupMagic, rollupVersion, rollupVersion)
		if err != nil {
			return err
		}
		return c.decodeBounded(&d)
	}
	d, err := newDecoder(data, encodingMagic, 1, encodingVersion)
	if err != nil {
		return err
	}
	if d.version == 1 {
		return c.decodeExact(&d)
	}
	modeAt := d.pos
	switch d.byte("mode") {
	case modeExact:
		return c.decodeExact(&d)
	case modeBounded:
		return c.decodeBounded(&d)
	}
	if d.err != nil {
		return d.err
	}
	return &DecodeError{Offset: modeAt, Field: "mode", Err: ErrCorrupt}
}

func (c *Coverage) decodeBounded(d *decoder) error {
	o := c.opts
	if o.Recent <= 0 {
		o.Recent = DefaultRecent
	}
	r := newRollup(&o)
	if err := r.decode(d); err != nil {
		return err
	}
	c.opts, c.roll, c.records, c.errors = o, r, nil, 0
	return nil
}

func (c *Coverage) decodeExact(d *decoder) error {
	nerr := d.uvarint("error count")
	nAt := d.pos
	n := d.uvarint("record count")
	if d.err != nil {
		return d.err
	}
	// Every record takes at least 4 bytes: id length, flags, media length,
	// link count.
	if n > uint64(len(d.b)-d.pos)/4 || nerr > math.MaxInt32 {
		return &DecodeError{Offset: nAt, Field: "record count", Err: ErrCorrupt}
	}
	records := make(map[string]*record, n)
	prev := ""
	for i := uint64(0); i < n; i++ {
		start := d.pos
		r := d.record()
		if d.err != nil {
			return d.err
		}
		if i > 0 && r.id <= prev {
			return &DecodeError{Offset: start, Field: "record id order", Err: ErrCorrupt}
		}
		prev = r.id
		records[r.id] = r
	}
	if d.pos != len(d.b) {
		return &DecodeError{Offset: d.pos, Field: "trailing bytes", Err: ErrCorrupt}
	}
	c.records = records
	c.errors = int(nerr)
	c.roll = nil
	c.opts.Recent = 0
	return nil
}

// newDecoder checks the magic bytes and version that start data and
// returns a decoder placed after them.
func newDecoder(data []byte, magic string, minVersion, maxVersion byte) (decoder, error) {
	d := decoder{b: data}
	if len(data) < len(magic)+1 || string(data[:len(magic)]) != magic {
		return d, &DecodeError{Offset: 0, Field: "magic", Err: ErrVersion}
	}
	d.pos = len(magic)
	if v := data[d.pos]; v < minVersion || v > maxVersion {
		return d, &DecodeError{Offset: d.pos, Field: fmt.Sprintf("version %d", v), Err: ErrVersion}
	}
	d.version = data[d.pos]
	d.pos++
	return d, nil
}

// decoder reads an encoding with a sticky error.
type decoder struct {
	b       []byte
	pos     int
	err     error
	version byte
}

func (d *decoder) fail(field string) {
	if d.err == nil {
		d.err = &DecodeError{Offset: d.pos, Field: field, Err: ErrCorrupt}
	}
}

func (d *decoder) uvarint(field string) uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.pos:])
	if n <= 0 {
		d.fail(field)
		return 0
	}
	d.pos += n
	return v
}

func (d *decoder) varint(field string) int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b[d.pos:])
	if n <= 0 {
		d.fail(field)
		return 0
	}
	d.pos += n
	return v
}

func (d *decoder) byte(field string) byte {
	if d.err != nil {
		return 0
	}
	if d.pos >= len(d.b) {
		d.fail(field)
		return 0
	}
	v := d.b[d.pos]
	d.pos++
	return v
}

func (d *decoder) uint64(field string) uint64 {
	if d.err != nil {
		return 0
	}
	if len(d.b)-d.pos < 8 {
		d.fail(field)
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b[d.pos:])
	d.pos += 8
	return v
}

func (d *decoder) string(field string) string {
	start := d.pos
	n := d.uvarint(field)
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.b)-d.pos) {
		d.pos = start
		d.fail(field)
		return ""
	}
	s := string(d.b[d.pos : d.pos+int(n)])
	d.pos += int(n)
	return s
}

// count reads a uvarint that must fit in an int32.
func (d *decoder) count(field string) int {
	start := d.pos
	v := d.uvarint(field)
	if v > math.MaxInt32 {
		d.pos = start
		d.fail(field)
		return 0
	}
	return int(v)
}

func (d *decoder) record() *record {
	r := &record{}
	r.id = d.string("record id")
	flagsAt := d.pos
	flags := d.byte("record flags")
	allowed := byte(3)
	if d.version >= 2 {
		allowed = 15
	}
	if d.err == nil && flags&^allowed != 0 {
		d.pos = flagsAt
		d.fail("record flags")
	}
	r.dated = flags&1 != 0
	r.hasSig = flags&2 != 0
	if r.dated {
		at := d.pos
		r.unix = d.varint("record time")
		if d.err == nil && (r.unix < minUnix || r.unix > maxUnix) {
			d.pos = at
			d.fail("record time")
		}
	}
	r.media = intern(d.string("record media"))
	if r.hasSig {
		r.sig = d.uint64("record simhash")
	}
	if flags&4 != 0 {
		r.urlHash = d.uint64("record url hash")
	}
	if flags&8 != 0 {
		r.textHash = d.uint64("record text hash")
	}
	if d.err == nil && ((flags&4 != 0 && r.urlHash == 0) || (flags&8 != 0 && r.textHash == 0)) {
		d.fail("record repeat hash")
	}
	nAt := d.pos
	n := d.uvarint("link count")
	if d.err != nil {
		return nil
	}
	// Every link takes at least 13 bytes.
	if n > uint64(len(d.b)-d.pos)/13 {
		d.pos = nAt
		d.fail("link count")
		return nil
	}
	r.links = make([]linkRecord, 0, n)
	var prev ticker.Symbol
	for i := uint64(0); i < n; i++ {
		at := d.pos
		code := d.string("link code")
		mAt := d.pos
		m := ticker.Market(d.byte("link market"))
		if d.err != nil {
			return nil
		}
		sym, err := ticker.New(code, m)
		if err != nil || !sym.IsValid() || sym.Code() != code {
			d.pos = mAt
			d.fail("link symbol")
			return nil
		}
		var l linkRecord
		l.sym = sym
		l.name = intern(d.string("link name"))
		l.mentions = d.count("link mentions")
		relAt := d.pos
		l.relevance = math.Float64frombits(d.uint64("link relevance"))
		if d.err == nil && !(l.relevance >= 0 && l.relevance <= 1) {
			d.pos = relAt
			d.fail("link relevance")
		}
		tAt := d.pos
		switch d.byte("link in title") {
		case 0:
		case 1:
			l.inTitle = true
		default:
			d.pos = tAt
			d.fail("link in title")
		}
		l.claims = d.count("link claims")
		if d.version >= 2 {
			d.tone(&l)
		}
		if d.err != nil {
			return nil
		}
		if i > 0 && compareSymbols(prev, sym) >= 0 {
			d.pos = at
			d.fail("link order")
			return nil
		}
		prev = sym
		r.links = append(r.links, l)
	}
	if d.err != nil {
		return nil
	}
	return r
}

// tone reads a link's tone code and score.
func (d *decoder) tone(l *linkRecord) {
	at := d.pos
	code := d.byte("link tone")
	if d.err != nil || code == 0 {
		return
	}
	if code > 3 {
		d.pos = at
		d.fail("link tone")
		return
	}
	l.toned, l.tone = true, int8(code)-2
	at = d.pos
	l.toneScore = math.Float64frombits(d.uint64("link tone score"))
	if d.err == nil && !(l.toneScore >= -1 && l.toneScore <= 1) {
		d.pos = at
		d.fail("link tone score")
	}
}
