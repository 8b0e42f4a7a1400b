package server

import (
	"embed"
	"io/fs"
	"net/http"
)

// assets holds the UI, the OpenAPI file and the vendored libraries; the
// vendor/ folder is rebuilt by assets/vendor.sh.
//
//go:embed assets/index.html assets/app.js assets/style.css assets/openapi.json assets/favicon.svg assets/vendor
var assets embed.FS

// OpenAPI returns the OpenAPI 3 document of the API.
func OpenAPI() []byte {
	b, err := assets.ReadFile("assets/openapi.json")
	if err != nil {
		panic("openapi.json is not embedded: " + err.Error())
	}
	return b
}

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err := w.Write(OpenAPI())
	return err
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	b, err := assets.ReadFile("assets/index.html")
	if err != nil {
		fail(s.opts.Log, w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b)
}

// static serves the embedded assets under /static/.
func (s *Server) static() http.Handler {
	sub, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err)
	}
	fsrv := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		fsrv.ServeHTTP(w, r)
	})
}
