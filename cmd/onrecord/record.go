package main

import (
	"errors"
	"io"
)

var errTODO = errors.New("not built yet")

func runIngest(args []string, stdin io.Reader, stdout, stderr io.Writer) error   { return errTODO }
func runSearch(args []string, stdin io.Reader, stdout, stderr io.Writer) error   { return errTODO }
func runSpeakers(args []string, stdin io.Reader, stdout, stderr io.Writer) error { return errTODO }
func runServe(args []string, stdin io.Reader, stdout, stderr io.Writer) error    { return errTODO }
