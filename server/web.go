package server

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
)

//go:embed web openapi.json
var assets embed.FS

// csp keeps the page to its own origin: no inline script, no CDN.
const csp = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

func pageHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := assets.ReadFile("web/index.html")
		if err != nil {
			writeError(w, http.StatusInternalServerError, "page missing from the binary")
			return
		}
		w.Header().Set("Content-Security-Policy", csp)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(b)
	})
}

func staticHandler() http.Handler {
	sub, err := fs.Sub(assets, "web")
	if err != nil {
		// fs.Sub fails only on an invalid path name, which "web" is not.
		panic(err)
	}
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			// No directory listings.
			writeError(w, http.StatusNotFound, "no such file: "+r.URL.Path)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}

func serveOpenAPI(w http.ResponseWriter, r *http.Request) {
	b, err := assets.ReadFile("openapi.json")
	if err != nil {
		writeError(w, http.StatusInternalServerError, "OpenAPI description missing from the binary")
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b)
}
