package detect

import (
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/pipeline/segment"
)

func TestDetect(t *testing.T) {
	zhEn, err := New([]string{"zh", "en"})
	if err != nil {
		t.Fatal(err)
	}
	many, err := New([]string{"zh", "en", "fr", "de"}, "zh", "en")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		d    *Detector
		text string
		want string
	}{
		{"han", zhEn, "中美在网络空间拥有共同利益", "zh"},
		{"han with latin codes", zhEn, "特别是人工智能、物联网和3D打印等技术,占GDP的比例", "zh"},
		{"han with code identifiers", zhEn, "调用了 f.Stat。", "zh"},
		{"kana", zhEn, "日本語の文章です。", "ja"},
		{"hangul", zhEn, "한국어 문장입니다", "ko"},
		{"cyrillic by script", zhEn, "Это русский текст.", "ru"},
		{"english", zhEn, "The US and China's shared interests", "en"},
		{"english among more languages", many, "Today, the cooperation between the two countries has become more relevant.", "en"},
		{"french needs french in the set", many, "Le chat est sur la table et il dort tranquillement depuis ce matin.", "fr"},
		{"short text keeps the expected language", many, "Der Hund", "en"},
		{"no letters", zhEn, "2016 — 4.7%", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, conf := tt.d.Detect(tt.text)
			if got != tt.want {
				t.Errorf("Detect(%q) = %q (%.2f), want %q", tt.text, got, conf, tt.want)
			}
			if got != "" && (conf <= 0 || conf > 1) {
				t.Errorf("Detect(%q) confidence %.2f outside (0,1]", tt.text, conf)
			}
		})
	}
}

func TestDetectDeclared(t *testing.T) {
	d, err := New([]string{"zh", "en", "fr", "de"})
	if err != nil {
		t.Fatal(err)
	}
	const french = "Le chat est sur la table et il dort tranquillement depuis ce matin."
	tests := []struct {
		name, text, declared, want string
	}{
		{"a word lingua calls French, alone", "Table", "", "fr"},
		{"the same word in an English section", "Table", "en", "en"},
		{"a declared tag is normalised", "Table", "en-US", "en"},
		{"a French sentence in an English section stays French", french, "en", "fr"},
		{"Han in an English section is Chinese: untranslated text is found", "这段没有翻译。", "en", "zh"},
		{"English in a Chinese section stays English", "The simplest usage.", "zh", "en"},
		{"no letters take the declared language", "2016 — 4.7%", "zh", "zh"},
		{"a language the detector does not know decides nothing", "Table", "es", "fr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, conf := d.DetectDeclared(tt.text, tt.declared)
			if got != tt.want {
				t.Errorf("DetectDeclared(%q, %q) = %q (%.2f), want %q", tt.text, tt.declared, got, conf, tt.want)
			}
			if conf <= 0 || conf > 1 {
				t.Errorf("DetectDeclared(%q, %q) confidence %.2f outside (0,1]", tt.text, tt.declared, conf)
			}
		})
	}
}

func TestNewRejectsUnknownCode(t *testing.T) {
	if _, err := New([]string{"zh", "xx"}); err == nil {
		t.Fatal("New accepted the unknown language code xx")
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"zh-CN": "zh", "ZH_cn": "zh", "en": "en", " EN-us ": "en", "": ""} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// The detector is shared by every goroutine of a run; -race checks it.
func TestDetectConcurrent(t *testing.T) {
	d, err := New([]string{"en", "fr", "de"})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got, _ := d.Detect("The quick brown fox jumps over the lazy dog again and again."); got != "en" {
				t.Errorf("got %q, want en", got)
			}
		}()
	}
	wg.Wait()
}

// countLettersRef is countLetters as first written, a rune at a time
// through segment.IsLetter: the fast paths must count as it does.
func countLettersRef(text string) letterCounts {
	var c letterCounts
	inWord := false
	for _, r := range text {
		if !segment.IsLetter(r) {
			inWord = false
			continue
		}
		c.letters++
		switch {
		case r >= 0x3040 && r <= 0x30FF, unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
			c.kana++
		case r >= 0xAC00 && r <= 0xD7A3, unicode.Is(unicode.Hangul, r):
			c.hangul++
		case unicode.Is(unicode.Han, r):
			c.han++
		default:
			c.scripts.add(segment.ScriptOf(r))
			if !inWord {
				c.words++
				inWord = true
			}
		}
	}
	return c
}

func FuzzCountLetters(f *testing.F) {
	for _, s := range []string{"Hello, 世界! café", "中文abc中def", "Привет мир and 日本語のテキスト 한국어",
		"α β γ δ ε a b ñ ж ש ع", "\xff\xfe 3D GDP", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countLetters(s), countLettersRef(s); got != want {
			t.Errorf("countLetters(%q) = %+v, want %+v", s, got, want)
		}
	})
}

func FuzzDecodeRune(f *testing.F) {
	for _, s := range []string{"中文", "\xe0\xa0\x80", "\xed\xa0\x80", "\xef\xbc\x90", "\xe4\xb8", "a\xff", "\xee\x80\x80x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			r, n := decodeRune(s, i)
			if wr, wn := utf8.DecodeRuneInString(s[i:]); r != wr || n != wn {
				t.Fatalf("decodeRune(%q, %d) = %U, %d, want %U, %d", s, i, r, n, wr, wn)
			}
		}
	})
}

// Preload builds lingua's model when the detector has two Latin-script
// languages to tell apart, and nothing when it has one.
func TestPreload(t *testing.T) {
	zhEn, err := New([]string{"zh", "en"})
	if err != nil {
		t.Fatal(err)
	}
	zhEn.Preload()
	if zhEn.shared.lingua != nil {
		t.Error("Preload built lingua's model for one Latin-script language")
	}
	enFr, err := New([]string{"en", "fr"})
	if err != nil {
		t.Fatal(err)
	}
	enFr.Preload()
	if enFr.shared.lingua == nil {
		t.Fatal("Preload built no model for English and French")
	}
	if lang, _ := enFr.Detect("Nous devons travailler ensemble pour protéger notre environnement."); lang != "fr" {
		t.Errorf("after Preload, French text detected as %q", lang)
	}
}
