package httpsrv

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/metrics"
	"github.com/quiverdb/quiver/stage/exec"
)

// collectTimeout bounds what a scrape waits for DuckDB's memory figures.
const collectTimeout = 2 * time.Second

// coordinatorCollector reports the coordinator's registry and membership
// at scrape time.
type coordinatorCollector struct{ c *coordinator.Coordinator }

func (cc coordinatorCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- metrics.Queries
	ch <- metrics.Admission
	ch <- metrics.LiveWorkers
	ch <- metrics.HeartbeatAge
}

func (cc coordinatorCollector) Collect(ch chan<- prometheus.Metric) {
	byState := map[coordinator.QueryState]int{
		coordinator.QueryRunning: 0, coordinator.QueryFinished: 0, coordinator.QueryFailed: 0, coordinator.QueryCancelled: 0,
	}
	for _, q := range cc.c.Queries() {
		byState[q.State]++
	}
	for st, n := range byState {
		ch <- prometheus.MustNewConstMetric(metrics.Queries, prometheus.GaugeValue, float64(n), string(st))
	}
	running, queued := cc.c.Admission()
	ch <- prometheus.MustNewConstMetric(metrics.Admission, prometheus.GaugeValue, float64(running), "running")
	ch <- prometheus.MustNewConstMetric(metrics.Admission, prometheus.GaugeValue, float64(queued), "queued")
	live := 0
	now := time.Now()
	for _, w := range cc.c.Members().Workers() {
		if !w.Live {
			continue
		}
		live++
		ch <- prometheus.MustNewConstMetric(metrics.HeartbeatAge, prometheus.GaugeValue, now.Sub(w.LastHeartbeat).Seconds(), w.Addr)
	}
	ch <- prometheus.MustNewConstMetric(metrics.LiveWorkers, prometheus.GaugeValue, float64(live))
}

// workersCollector reports what each worker of this process holds and what
// its DuckDB uses, at scrape time (one collector for all of them: a
// registry takes each metric description once).
type workersCollector []*exec.Worker

func (wc workersCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{metrics.WorkerUp, metrics.RunningTasks, metrics.BufferedBytes, metrics.SpillBytes, metrics.DuckDBMemory, metrics.DuckDBTemp} {
		ch <- d
	}
}

func (wc workersCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), collectTimeout)
	defer cancel()
	for _, w := range wc {
		collectWorker(ctx, ch, w)
	}
}

func collectWorker(ctx context.Context, ch chan<- prometheus.Metric, w *exec.Worker) {
	addr := w.Address()
	load, err := w.Load(ctx)
	if err != nil {
		// A closed worker's engine no longer answers: report it down and
		// what it still holds.
		ch <- prometheus.MustNewConstMetric(metrics.WorkerUp, prometheus.GaugeValue, 0, addr)
		load = exec.Load{Stats: w.Stats()}
	} else {
		ch <- prometheus.MustNewConstMetric(metrics.WorkerUp, prometheus.GaugeValue, 1, addr)
		ch <- prometheus.MustNewConstMetric(metrics.DuckDBMemory, prometheus.GaugeValue, float64(load.DuckDBMemory), addr)
		ch <- prometheus.MustNewConstMetric(metrics.DuckDBTemp, prometheus.GaugeValue, float64(load.DuckDBTemp), addr)
	}
	ch <- prometheus.MustNewConstMetric(metrics.RunningTasks, prometheus.GaugeValue, float64(load.Tasks), addr)
	ch <- prometheus.MustNewConstMetric(metrics.BufferedBytes, prometheus.GaugeValue, float64(load.BufferedBytes), addr)
	ch <- prometheus.MustNewConstMetric(metrics.SpillBytes, prometheus.GaugeValue, float64(load.SpillBytes), addr)
}
