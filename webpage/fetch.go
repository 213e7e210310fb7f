package webpage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// UserAgent names onrecord to the sites it fetches from.
const UserAgent = "onrecord (+https://github.com/onrecord/onrecord)"

// Timeout bounds one fetch, from connecting to the last byte.
const Timeout = 30 * time.Second

var client = &http.Client{
	Timeout: Timeout,
	Transport: &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 10 * time.Second}).DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 20 * time.Second,
	},
}

// IsURL reports whether s is an http or https URL rather than a path.
func IsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// Fetch gets the page at url with a GET request and returns its body and
// Content-Type. A status other than 200 and a body over maxBytes are
// errors; errors do not repeat the URL, which the caller names.
func Fetch(ctx context.Context, url string, maxBytes int) (body []byte, contentType string, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, "", fmt.Errorf("fetch: %w", err)
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html, text/plain;q=0.9, */*;q=0.1")
	resp, err := client.Do(req)
	if err != nil {
		return nil, "", fmt.Errorf("fetch: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", fmt.Errorf("fetch: HTTP %s", resp.Status)
	}
	if resp.ContentLength > int64(maxBytes) {
		return nil, "", fmt.Errorf("fetch: %d bytes is over the %d-byte document limit", resp.ContentLength, maxBytes)
	}
	body, err = io.ReadAll(io.LimitReader(resp.Body, int64(maxBytes)+1))
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("no complete answer in %s", Timeout)
		}
		return nil, "", fmt.Errorf("fetch: %w", err)
	}
	if len(body) > maxBytes {
		return nil, "", fmt.Errorf("fetch: over the %d-byte document limit", maxBytes)
	}
	return body, resp.Header.Get("Content-Type"), nil
}
