package integration

import "syscall"

// procAttr makes the kernel SIGKILL a started process when the test binary
// dies, so that a crashed or killed test run leaves no server behind.
func procAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
