package metrics

import "strings"

// languageNames gives English names for the codes reports show most.
var languageNames = map[string]string{
	"zh": "Chinese", "en": "English", "ja": "Japanese", "ko": "Korean", "fr": "French",
	"de": "German", "es": "Spanish", "pt": "Portuguese", "it": "Italian", "nl": "Dutch",
	"ru": "Russian", "ar": "Arabic", "el": "Greek", "he": "Hebrew", "vi": "Vietnamese",
}

// LanguageName returns a readable name for an ISO 639-1 code.
func LanguageName(code string) string {
	if n, ok := languageNames[code]; ok {
		return n
	}
	if code == "" {
		return "unknown-language"
	}
	return strings.ToUpper(code)
}
