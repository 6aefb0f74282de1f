package dev.verdict.conformance.spec;

import static dev.verdict.conformance.spec.Replies.*;

/** Transactions: MULTI/EXEC/DISCARD, queue-time and run-time errors, WATCH/UNWATCH (Redis 7.0). */
@SpecSuite(family = "transactions")
class TransactionsSpec {

    @SpecCase("EXEC")
    void execRunsQueuedCommandsInOrder(SpecSession s) {
        s.call("MULTI").is(ok());
        s.call("SET", "k", "1").is(queued());
        s.call("INCR", "k").is(queued());
        s.call("GET", "k").is(queued());
        s.call("EXEC").is(array(ok(), integer(2), bulk("2")));
        s.call("MULTI").is(ok());
        s.call("EXEC").is(emptyArray());
    }

    @SpecCase("EXEC")
    void runtimeErrorsDoNotAbortTheOtherCommands(SpecSession s) {
        s.call("SET", "str", "v").is(ok());
        s.call("MULTI").is(ok());
        s.call("LPUSH", "str", "x").is(queued());
        s.call("SET", "k", "1").is(queued());
        s.call("EXEC").is(array(wrongType(), ok()));
        s.call("GET", "k").is(bulk("1"));
    }

    @SpecCase("EXEC")
    void queueTimeErrorsAbortTheTransaction(SpecSession s) {
        s.call("MULTI").is(ok());
        s.call("SET", "k", "1").is(queued());
        s.call("GET").is(wrongArity("get"));
        s.call("EXEC").is(error("EXECABORT Transaction discarded because of previous errors."));
        s.call("EXISTS", "k").is(integer(0));
    }

    @SpecCase("EXEC")
    void unknownCommandsInsideMultiAbortTheTransaction(SpecSession s) {
        s.call("MULTI").is(ok());
        s.probe("NOSUCHCOMMAND", "x").is(error("ERR unknown command 'NOSUCHCOMMAND', with args beginning with: 'x' "));
        s.call("EXEC").is(error("EXECABORT Transaction discarded because of previous errors."));
    }

    @SpecCase("MULTI")
    void multiCannotBeNestedAndExecDiscardNeedMulti(SpecSession s) {
        s.call("EXEC").is(error("ERR EXEC without MULTI"));
        s.call("DISCARD").is(error("ERR DISCARD without MULTI"));
        s.call("MULTI").is(ok());
        s.call("MULTI").is(error("ERR MULTI calls can not be nested"));
        s.call("SET", "k", "v").is(queued());
        s.call("EXEC").is(array(ok()));
    }

    @SpecCase("DISCARD")
    void discardDropsTheQueue(SpecSession s) {
        s.call("MULTI").is(ok());
        s.call("SET", "k", "v").is(queued());
        s.call("DISCARD").is(ok());
        s.call("EXISTS", "k").is(integer(0));
        s.call("EXEC").is(error("ERR EXEC without MULTI"));
    }

    @SpecCase("WATCH")
    void watchedKeyModifiedByAnotherClientAbortsExec(SpecSession s) {
        s.call("SET", "k", "1").is(ok());
        s.call("WATCH", "k").is(ok());
        s.newConnection().call("SET", "k", "2").is(ok());
        s.call("MULTI").is(ok());
        s.call("SET", "k", "3").is(queued());
        s.call("EXEC").is(nilArray());
        s.call("GET", "k").is(bulk("2"));
    }

    @SpecCase("WATCH")
    void unmodifiedWatchedKeyLetsExecRun(SpecSession s) {
        s.call("SET", "k", "1").is(ok());
        s.call("WATCH", "k", "other").is(ok());
        s.newConnection().call("GET", "k").is(bulk("1"));
        s.call("MULTI").is(ok());
        s.call("INCR", "k").is(queued());
        s.call("EXEC").is(array(integer(2)));
    }

    @SpecCase("WATCH")
    void watchOfAMissingKeyDetectsItsCreation(SpecSession s) {
        s.call("WATCH", "k").is(ok());
        s.newConnection().call("SET", "k", "x").is(ok());
        s.call("MULTI").is(ok());
        s.call("SET", "k", "y").is(queued());
        s.call("EXEC").is(nilArray());
    }

    @SpecCase("WATCH")
    void watchInsideMultiIsRefused(SpecSession s) {
        s.call("MULTI").is(ok());
        s.call("WATCH", "k").is(error("ERR WATCH inside MULTI is not allowed"));
        s.call("DISCARD").is(ok());
    }

    @SpecCase("UNWATCH")
    void unwatchForgetsWatchedKeys(SpecSession s) {
        s.call("SET", "k", "1").is(ok());
        s.call("WATCH", "k").is(ok());
        s.call("UNWATCH").is(ok());
        s.newConnection().call("SET", "k", "2").is(ok());
        s.call("MULTI").is(ok());
        s.call("GET", "k").is(queued());
        s.call("EXEC").is(array(bulk("2")));
    }

    @SpecCase("EXEC")
    void blockingCommandsInsideMultiDoNotBlock(SpecSession s) {
        s.call("MULTI").is(ok());
        s.call("BLPOP", "empty", "0").is(queued());
        s.call("EXEC").is(array(nilArray()));
    }

    @SpecCase("EXEC")
    void selectInsideATransactionAppliesToLaterQueuedCommands(SpecSession s) {
        s.call("MULTI").is(ok());
        s.call("SELECT", "1").is(queued());
        s.call("SET", "k", "in1").is(queued());
        s.call("EXEC").is(array(ok(), ok()));
        s.call("GET", "k").is(bulk("in1"));
        s.call("SELECT", "0").is(ok());
        s.call("EXISTS", "k").is(integer(0));
    }
}
