//go:build !unix

package e2e

import "os/exec"

// ownGroup does nothing where there are no process groups: cancellation
// kills the script alone, and WaitDelay still ends the wait.
func ownGroup(*exec.Cmd) {}
