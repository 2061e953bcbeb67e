// Command voicebox-ferretdb runs FerretDB (Apache-2.0, MongoDB wire protocol) with its
// SQLite backend as Voicebox's embedded database. It is a thin wrapper around FerretDB's
// embeddable package so the version is pinned by go.mod/go.sum, not by a downloaded binary.
//
// It prints one line `READY <mongodb-uri>` on stdout once it accepts connections, and stops
// cleanly on SIGTERM/SIGINT or when its stdin closes (so it never outlives the Node parent).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0 picks a free port)")
	dataDir := flag.String("data", "data", "directory for the SQLite files")
	logLevel := flag.String("log-level", "warn", "log level: debug, info, warn, error")
	watchStdin := flag.Bool("watch-stdin", true, "exit when stdin reaches EOF (parent process gone)")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintf(os.Stderr, "bad -log-level: %v\n", err)
		os.Exit(2)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	if err := os.MkdirAll(*dataDir, 0o700); err != nil {
		fmt.Fprintf(os.Stderr, "cannot create data directory: %v\n", err)
		os.Exit(1)
	}

	// FerretDB needs a concrete port for the URI it reports, so resolve port 0 ourselves.
	addr := *listen
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		fmt.Fprintf(os.Stderr, "bad -listen: %v\n", err)
		os.Exit(2)
	}
	if port == "0" {
		l, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
		if err != nil {
			fmt.Fprintf(os.Stderr, "cannot find a free port: %v\n", err)
			os.Exit(1)
		}
		addr = l.Addr().String()
		_ = l.Close()
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: addr},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dataDir + "/",
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "cannot start FerretDB: %v\n", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	if *watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	done := make(chan struct{})
	go func() {
		_ = f.Run(ctx)
		close(done)
	}()

	// MongoDBURI blocks until the listener is up.
	fmt.Printf("READY %s\n", f.MongoDBURI())

	<-done
}
