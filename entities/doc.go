// Package entities extracts exact numbers, numeric claims and named
// entities from Chinese financial text.
package entities
