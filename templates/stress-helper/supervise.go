package main

// supervise runs processes for goleak-run: `go test -c` builds and the test binary's chunks
// of rounds. They all stay in this helper's process group (goleak-run starts the helper as
// a group leader), so goleak-run's interrupt and its watchdog stop every one of them by
// stopping one group. When goleak-run goes away (its end of stdin closes), the helper kills
// what still runs and exits.
//
// Requests, one JSON object a line on stdin:
//
//	{"op":"start","id":1,"argv":["/path/pkg.test","-test.count=8"],"env":["K=V"],"dir":"/pkg","out":"/tmp/out"}
//	{"op":"kill","id":1}
//
// Replies, one JSON object a line on stdout:
//
//	{"id":1,"pid":4242}                         started (or "error" when it could not start)
//	{"id":1,"exit":0,"signal":"","ms":812.5}    ended: its exit code, or the signal that ended it

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"time"
)

type superviseRequest struct {
	Op   string   `json:"op"`
	ID   int      `json:"id"`
	Argv []string `json:"argv"`
	Env  []string `json:"env"`
	Dir  string   `json:"dir"`
	Out  string   `json:"out"`
}

type superviseReply struct {
	ID     int      `json:"id"`
	Pid    *int     `json:"pid,omitempty"`
	Exit   *int     `json:"exit,omitempty"`
	Signal string   `json:"signal,omitempty"`
	Ms     *float64 `json:"ms,omitempty"`
	Error  string   `json:"error,omitempty"`
}

type supervisor struct {
	mu      sync.Mutex
	out     *json.Encoder
	running map[int]*exec.Cmd
	wg      sync.WaitGroup
}

func superviseMain(in io.Reader, out io.Writer) error {
	s := &supervisor{out: json.NewEncoder(out), running: map[int]*exec.Cmd{}}
	scanner := bufio.NewScanner(in)
	scanner.Buffer(make([]byte, 64<<10), 64<<20)
	for scanner.Scan() {
		var req superviseRequest
		if err := json.Unmarshal(scanner.Bytes(), &req); err != nil {
			s.reply(superviseReply{ID: -1, Error: "bad request: " + err.Error()})
			continue
		}
		switch req.Op {
		case "start":
			s.start(req)
		case "kill":
			s.kill(req.ID)
		default:
			s.reply(superviseReply{ID: req.ID, Error: "unknown op " + req.Op})
		}
	}
	// goleak-run is gone or done: nothing may outlive it.
	s.mu.Lock()
	for id := range s.running {
		s.killLocked(id)
	}
	s.mu.Unlock()
	s.wg.Wait()
	return nil
}

func (s *supervisor) reply(r superviseReply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.out.Encode(r)
}

func (s *supervisor) start(req superviseRequest) {
	if len(req.Argv) == 0 {
		s.reply(superviseReply{ID: req.ID, Error: "no argv"})
		return
	}
	f, err := os.OpenFile(req.Out, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		s.reply(superviseReply{ID: req.ID, Error: err.Error()})
		return
	}
	cmd := exec.Command(req.Argv[0], req.Argv[1:]...)
	cmd.Env = req.Env
	cmd.Dir = req.Dir
	// One file for both, as go test gives a test binary one pipe for both.
	cmd.Stdout = f
	cmd.Stderr = f
	began := time.Now()
	if err := cmd.Start(); err != nil {
		f.Close()
		s.reply(superviseReply{ID: req.ID, Error: err.Error()})
		return
	}
	pid := cmd.Process.Pid
	s.mu.Lock()
	s.running[req.ID] = cmd
	s.out.Encode(superviseReply{ID: req.ID, Pid: &pid})
	s.mu.Unlock()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		cmd.Wait()
		f.Close()
		ms := float64(time.Since(began).Microseconds()) / 1000
		r := superviseReply{ID: req.ID, Ms: &ms}
		code := cmd.ProcessState.ExitCode()
		r.Exit = &code
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			r.Signal = ws.Signal().String()
		}
		s.mu.Lock()
		delete(s.running, req.ID)
		s.out.Encode(r)
		s.mu.Unlock()
	}()
}

func (s *supervisor) kill(id int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.killLocked(id)
}

func (s *supervisor) killLocked(id int) {
	if cmd, ok := s.running[id]; ok && cmd.Process != nil {
		cmd.Process.Kill()
	}
}
