package feedwatch

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// ErrForbidden marks a URL or address the watcher refuses to fetch.
var ErrForbidden = errors.New("forbidden address")

// CheckURL accepts absolute http and https URLs with a host and nothing
// else (no file:, ftp:, gopher:, data: ...).
func CheckURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("feed %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("feed %q: only http and https URLs are fetched: %w", raw, ErrForbidden)
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("feed %q: no host", raw)
	}
	return u, nil
}

// sharedSpace is 100.64.0.0/10 (carrier-grade NAT), private in all but
// name; netip's IsPrivate does not cover it.
var sharedSpace = netip.MustParsePrefix("100.64.0.0/10")

// Forbidden reports whether ip is an address a public-feed fetcher must
// not reach: loopback, private, link-local (cloud metadata lives at
// 169.254.169.254), unspecified, multicast, carrier-grade NAT, or an IPv4
// address mapped into IPv6 that is one of those.
func Forbidden(ip netip.Addr) bool {
	ip = ip.Unmap()
	return !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() ||
		ip.IsUnspecified() || sharedSpace.Contains(ip) || (ip.Is4() && ip.As4()[0] == 0)
}

// control is a net.Dialer Control function: it runs after name
// resolution, on the address about to be dialled.
func control(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("dial %s: not an IP address: %w", address, ErrForbidden)
	}
	if Forbidden(ip) {
		return fmt.Errorf("dial %s: %w (private, loopback or link-local; --allow-private permits it)", address, ErrForbidden)
	}
	return nil
}

// NewClient returns an HTTP client for fetching feeds. Unless
// allowPrivate, it refuses at dial time to connect to forbidden addresses,
// and it never uses a proxy from the environment (the check would then
// see only the proxy). Redirects are followed only to http(s) URLs, at
// most five times.
func NewClient(allowPrivate bool, timeout time.Duration) *http.Client {
	d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !allowPrivate {
		d.Control = control
	}
	tr := &http.Transport{
		Proxy:                 nil,
		DialContext:           d.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          16,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 30 * time.Second,
	}
	return &http.Client{
		Transport: tr,
		Timeout:   timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("too many redirects")
			}
			_, err := CheckURL(req.URL.String())
			return err
		},
	}
}
