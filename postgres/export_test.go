package postgres

// The statements of the reads, for TestReadsUseIndexes.
const (
	ArticleSQL       = articleSQL
	ArticleQuotesSQL = articleQuotesSQL
	SpeakersSQL      = speakersSQL
)

var SearchSQL = searchSQL
