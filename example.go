package onrecord

import _ "embed"

// Example is the bundled example article, a celebrity-news story in the
// "date YYYY-MM-DD <body>" form; ExampleID names it.
//
//go:embed testdata/timberlake-apology-2021-02-13.txt
var Example string

// ExampleID is the document ID of Example.
const ExampleID = "timberlake-apology-2021-02-13"
