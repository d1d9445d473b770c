package org.roomnet.batch;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * When the first task of the job started, as the driver hears of it from any executor: the job's own
 * photos/s is counted from there, once Spark has planned the job and started its executors, as
 * {@code classify}'s is counted once its model is loaded.
 */
final class FirstTaskClock extends SparkListener {

    private final AtomicLong firstLaunchMillis = new AtomicLong(Long.MAX_VALUE);

    static FirstTaskClock attach(SparkContext context) {
        FirstTaskClock clock = new FirstTaskClock();
        context.addSparkListener(clock);
        return clock;
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart taskStart) {
        firstLaunchMillis.accumulateAndGet(taskStart.taskInfo().launchTime(), Math::min);
    }

    /** Seconds from the first task's launch to now; {@code fallback} where no task was heard of. */
    double secondsSinceFirstTask(double fallback) {
        long first = firstLaunchMillis.get();
        return first == Long.MAX_VALUE ? fallback : (System.currentTimeMillis() - first) / 1000.0;
    }
}
