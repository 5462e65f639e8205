package dev.connecttasks.benchmark;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import org.openjdk.jol.info.GraphLayout;

/**
 * Retained heap of one stored small task: the whole service's object graph is walked with JOL
 * before and after storing N tasks, and the difference is divided by N. A small task is the
 * benchmark's: a name, a flow, one attribute, no client token, no links.
 */
public final class RetainedHeapPerTask {

    private RetainedHeapPerTask() {
    }

    public static void main(String[] args) {
        // JOL reads field offsets of records only through this mode on JDK 17 and later.
        System.setProperty("jol.magicFieldOffset", "true");
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        ConnectTasksService service = ConnectTasks.inMemory(o -> o.policy(StartTaskBenchmark.UNLIMITED));
        String instance = service.createInstance(CreateInstanceRequest.builder().instanceAlias("heap").build()).instanceId();
        String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance)
                .name("Tasks").type("CONTACT_FLOW").build()).contactFlowId();
        StartTaskBenchmark.start(service, instance, flow, null);
        long before = GraphLayout.parseInstance(service).totalSize();
        for (int i = 0; i < tasks; i++) {
            StartTaskBenchmark.start(service, instance, flow, null);
        }
        long after = GraphLayout.parseInstance(service).totalSize();
        System.out.printf("retained heap per small task: %,d bytes (%,d tasks, service graph %,d -> %,d bytes)%n",
                (after - before) / tasks, tasks, before, after);
    }
}
