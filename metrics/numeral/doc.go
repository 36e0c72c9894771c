// Package numeral finds the quantities in a sentence (numbers, percentages,
// fractions, years, months, days and ordinals) written with Arabic digits,
// Chinese numerals or English number words, and compares the quantities of
// a source sentence with those of its translation by value.
//
// A translation that says "70 million" for 七亿 reads fluently and is still
// wrong; a word-level metric cannot see that, so transcheck compares the
// quantities themselves: 七亿, 7亿 and "700 million" are all 7e8, 一半, "half"
// and 50% are all one half, and 2016年5月11日 and "May 11, 2016" are the same
// year, month and day.
//
// The scanner is hand-written and conservative. It prefers missing a number
// to inventing one, because a false number in a check that runs on every
// sentence of a corpus produces a false alarm on every occurrence:
//
//   - digits glued to Latin letters (3D, MP3, H1N1, IPv6, v1.2), digits after
//     "letters-" (COVID-19), version strings (1.2.3), printf verbs (%1$d),
//     placeholders ({0}), file names, URLs and e-mail addresses are skipped;
//
//   - a single Chinese numeral character (一, 两, 三, 十, 万…) counts only in
//     front of a measure word or unit (一个, 两年, 十倍), so 一起, 统一, 十分,
//     千万不要 and 万一 give nothing;
//
//   - "one" used as a pronoun (the one, one of, one another) and "a" outside
//     "a hundred/thousand/million/billion/dozen" give nothing;
//
//   - English month names are months only in date contexts (May 11, in May,
//     last September), so the modal verb "may" is never a month.
//
//   - digits glued to letters in a name (windows11, LP700, v12, Rescue-2021)
//     give a Code, which matches "Windows 11" but is never reported;
//
//   - 四周 (all around), 百度 (Baidu), 一成不变, 十六进制 (hexadecimal), the 千
//     of 千米 (kilometre), 24/7 and 7×24 (all the time) are words, not
//     numbers; so is a number word in code (`five`, obj.five).
//
// Equivalent forms compare equal: £75m and 7500万英镑, 5.30pm and 下午5点半
// (an Hour, equal modulo 12), 1880s and 19 世纪 80 年代, "6 decades" and 60
// 年, 5x8 and 5×8, 18.12 and 12月18日 (a dotted pair may be a date or a
// season and episode, 第二季第10集). A hedge that bounds a value gives
// bounds: 200多万 is 2 to 3 million. A quantity that names no definite
// value (十几, 几十, 数百, "dozens of", "hundreds of", "decades") is Vague: it
// may stand for a number of the other side and is never reported.
//
// What Chinese and English leave implicit is not reported (see Reportable):
// a 1 ("a", "once", 1个); a count up to ten, a fraction or a lone 百/千/万
// written in words on one side only (三大技术 / "the three technologies"),
// unless the other side has an unmatched quantity it may have become (六个 /
// "three" is reported); a month on one side of a bare day on the other (11日
// / "December 11", in either direction); a value the other side states,
// only fewer times (3 件及 3 件以上 / "3 or more"); a list enumerator (二、,
// "1. ") that the translation adds, or that it numbers differently only
// against another enumerator. The numbers check also accepts a number the
// translation restates from the three sentences before it.
//
// Extract returns quantities in the order they occur; Compare matches two
// such lists as multisets.
package numeral
