package abbrev

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// checker is a minimal assertion helper (the module's go.sum does not yet
// cover testify's dependencies). check reports and continues; must stops the
// test.
type checker struct{ fatal bool }

var (
	check = checker{fatal: false}
	must  = checker{fatal: true}
)

func (c checker) fail(t testing.TB, what string, msg []any) bool {
	t.Helper()
	if len(msg) > 0 {
		if f, ok := msg[0].(string); ok {
			what += ": " + fmt.Sprintf(f, msg[1:]...)
		} else {
			what += ": " + fmt.Sprint(msg...)
		}
	}
	if c.fatal {
		t.Fatal(what)
	}
	t.Error(what)
	return false
}

func (c checker) True(t testing.TB, ok bool, msg ...any) bool {
	t.Helper()
	if ok {
		return true
	}
	return c.fail(t, "expected true", msg)
}

func (c checker) False(t testing.TB, ok bool, msg ...any) bool {
	t.Helper()
	if !ok {
		return true
	}
	return c.fail(t, "expected false", msg)
}

func (c checker) Equal(t testing.TB, want, got any, msg ...any) bool {
	t.Helper()
	if reflect.DeepEqual(want, got) {
		return true
	}
	return c.fail(t, fmt.Sprintf("want %#v, got %#v", want, got), msg)
}

func (c checker) NotEqual(t testing.TB, a, b any, msg ...any) bool {
	t.Helper()
	if !reflect.DeepEqual(a, b) {
		return true
	}
	return c.fail(t, fmt.Sprintf("unexpected equal values %#v", a), msg)
}

func (c checker) Zero(t testing.TB, v any, msg ...any) bool {
	t.Helper()
	if v == nil || reflect.ValueOf(v).IsZero() {
		return true
	}
	return c.fail(t, fmt.Sprintf("want zero value, got %#v", v), msg)
}

func (c checker) Nil(t testing.TB, v any, msg ...any) bool {
	t.Helper()
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface, reflect.Func, reflect.Chan:
		if rv.IsNil() {
			return true
		}
	}
	return c.fail(t, fmt.Sprintf("want nil, got %#v", v), msg)
}

func (c checker) NotNil(t testing.TB, v any, msg ...any) bool {
	t.Helper()
	if v != nil {
		rv := reflect.ValueOf(v)
		switch rv.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface, reflect.Func, reflect.Chan:
			if !rv.IsNil() {
				return true
			}
		default:
			return true
		}
	}
	return c.fail(t, "unexpected nil", msg)
}

func (c checker) NoError(t testing.TB, err error, msg ...any) bool {
	t.Helper()
	if err == nil {
		return true
	}
	return c.fail(t, fmt.Sprintf("unexpected error: %v", err), msg)
}

func (c checker) Error(t testing.TB, err error, msg ...any) bool {
	t.Helper()
	if err != nil {
		return true
	}
	return c.fail(t, "expected an error", msg)
}

func (c checker) ErrorIs(t testing.TB, err, target error, msg ...any) bool {
	t.Helper()
	if errors.Is(err, target) {
		return true
	}
	return c.fail(t, fmt.Sprintf("error %v does not wrap %v", err, target), msg)
}

func (c checker) Contains(t testing.TB, s, sub string, msg ...any) bool {
	t.Helper()
	if strings.Contains(s, sub) {
		return true
	}
	return c.fail(t, fmt.Sprintf("%q does not contain %q", s, sub), msg)
}

func (c checker) Len(t testing.TB, v any, n int, msg ...any) bool {
	t.Helper()
	if got := reflect.ValueOf(v).Len(); got == n {
		return true
	}
	return c.fail(t, fmt.Sprintf("want length %d, got %d", n, reflect.ValueOf(v).Len()), msg)
}

func (c checker) Less(t testing.TB, a, b string, msg ...any) bool {
	t.Helper()
	if a < b {
		return true
	}
	return c.fail(t, fmt.Sprintf("want %q < %q", a, b), msg)
}

func (c checker) GreaterOrEqual(t testing.TB, a, b int, msg ...any) bool {
	t.Helper()
	if a >= b {
		return true
	}
	return c.fail(t, fmt.Sprintf("want %d >= %d", a, b), msg)
}

func (c checker) NotEmpty(t testing.TB, v any, msg ...any) bool {
	t.Helper()
	if reflect.ValueOf(v).Len() > 0 {
		return true
	}
	return c.fail(t, "unexpected empty value", msg)
}
