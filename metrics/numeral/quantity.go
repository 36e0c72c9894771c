package numeral

// Kind tells Compare which quantities may stand for each other, because the
// same digits mean different things as a count, a share, or a calendar
// field: "May" must not match the 5 of "5 times", while 50% must match "half".
type Kind uint8

const (
	// Number is a cardinal count or amount (7亿, 400次, "five times", 30年
	// as a duration). It matches Number, Year and Ordinal.
	Number Kind = iota
	// Percent is a percentage; Value is in percent units (4.7 for 4.7%), so
	// the value reads like the text. Compare divides it by 100 to match it
	// against a Fraction.
	Percent
	// Fraction is a share of a whole (一半, "half", 三分之一); Value is the
	// fraction itself (0.5), so it matches Percent 50.
	Fraction
	// Year is a calendar year (2016年, 一九八九年, the year in "May 11, 2016").
	// It matches Number too, because English writes years as bare numbers.
	Year
	// Month is a calendar month 1–12 (9月, "September"). It matches only
	// Month, so a month name never pairs with an ordinary 5 or 9.
	Month
	// Day is a day of the month 1–31 (11日, the 11 of "May 11"). It matches
	// Day and Ordinal ("the 11th").
	Day
	// Ordinal is a rank (第三, "3rd", "the third"). It matches Ordinal, Day
	// and Number (十九大 / "the 19th Congress").
	Ordinal
	// Code is the number inside a product or model name glued to letters
	// (windows11, office2019, LP700, v12, Rescue-2021). It is not a quantity:
	// Compare never reports it, but it matches a leftover Number or Year of
	// the same value, because the other side may write "Windows 11".
	Code
	// Hour is the hour of a time of day (the 5 of 5:30pm, 17:30, 下午5点半,
	// 三點鐘). It matches Hour and Number modulo 12, because one side may
	// count to 24 where the other says "pm" or 下午.
	Hour
)

var kindNames = [...]string{"Number", "Percent", "Fraction", "Year", "Month", "Day", "Ordinal", "Code", "Hour"}

// String returns the name of the kind, so reports and test failures are
// readable.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(?)"
}

// Quantity is one number found in a text. Text, Start and End let a report
// point at the exact span, and Approx lets Compare accept "nearly 700
// million" for 近7亿 without treating the hedge as a different number.
type Quantity struct {
	Value  float64 // the value: 7e8 for 七亿; 4.7 for 4.7% (Percent); 0.5 for 一半 (Fraction)
	Kind   Kind    // how the value is to be read; see Kind
	Approx bool    // hedged by 近/多/余/约/左右/以上, nearly/over/more than/about…: widens the match tolerance
	Text   string  // the numeric expression as it stands in the input (hedge words excluded)
	Start  int     // byte offset of Text in the input
	End    int     // byte offset just past Text
	// Lo and Hi, when Hi > 0, bound the values the text allows: 200多万
	// is any amount from 2e6 to 3e6 (Value is 2e6), 十几 from 11 to 19,
	// "hundreds of" from 100 to 999. Match accepts a partner inside them.
	Lo, Hi float64
	// Vague marks a quantity that names no definite value (十几, 几十, 数百,
	// "dozens of", "hundreds of", "decades"): it may stand for a number of
	// the other side but is never reported itself.
	Vague bool
	// List marks a list enumerator (二、, (三), 2）, "1. " at the start of
	// a line): it numbers an item, which the other side may number
	// differently or not at all, so it is reported only against another
	// enumerator.
	List bool
}

// InWords reports a quantity written without digits: "three", 三, 二十,
// "December". Translators state or drop small ones freely, so a report of
// one is less sure than of digits.
func (q Quantity) InWords() bool { return wordOnly(q.Text) }

// Hedged reports a quantity whose value is not exact: hedged (近7亿,
// "nearly") or bounded (200多万, 十几).
func (q Quantity) Hedged() bool { return hedged(q) }

// Substituted reports whether other holds a quantity of a kind that q may
// have been turned into: 六个 reported missing beside an extra "three" is a
// changed value rather than a dropped one.
func Substituted(q Quantity, other []Quantity) bool { return substituted(q, other) }
