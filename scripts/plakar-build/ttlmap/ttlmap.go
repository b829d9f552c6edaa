// Package ttlmap stands in for go.omarpolo.com/ttlmap, which the Go module proxy reachable here
// refuses (403). plakar uses it only in its web UI (api/api_snapshot.go) to remember signed
// download links for an hour; the notion-plakar tests never start that UI. This is our own small
// implementation of the four calls plakar makes: New, AutoExpire, Add and Get.
package ttlmap

import (
	"sync"
	"time"
)

type entry[V any] struct {
	value   V
	expires time.Time
}

// Map is a concurrency-safe map whose entries are forgotten ttl after they were added.
type Map[K comparable, V any] struct {
	mu      sync.Mutex
	ttl     time.Duration
	entries map[K]entry[V]
}

func New[K comparable, V any](ttl time.Duration) *Map[K, V] {
	return &Map[K, V]{ttl: ttl, entries: make(map[K]entry[V])}
}

func (m *Map[K, V]) Add(key K, value V) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.entries[key] = entry[V]{value: value, expires: time.Now().Add(m.ttl)}
}

func (m *Map[K, V]) Get(key K) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.entries[key]
	if !ok || time.Now().After(e.expires) {
		var zero V
		return zero, false
	}
	return e.value, true
}

// AutoExpire starts a goroutine that drops expired entries once per ttl.
func (m *Map[K, V]) AutoExpire() {
	go func() {
		for range time.Tick(m.ttl) {
			now := time.Now()
			m.mu.Lock()
			for k, e := range m.entries {
				if now.After(e.expires) {
					delete(m.entries, k)
				}
			}
			m.mu.Unlock()
		}
	}()
}
