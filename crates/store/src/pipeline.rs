//! Ingest: inputs read, coded in parallel and written to a store, in bounded batches.
//!
//! Three stages run at once:
//!
//! 1. a **reader** thread reads the inputs in order ([`attache_io::read_records`]) and
//!    hands records on, holding at most [`IngestOptions::budget_bytes`] of them;
//! 2. the calling thread gathers a batch, extracts text and codes it **in parallel**
//!    (rayon, all cores), after leaving out the documents the store already has (which
//!    makes a resumed run fast: nothing done is coded again);
//! 3. a **writer** thread writes each batch in one transaction, in input order, while
//!    the next batch is coded.
//!
//! Memory is bounded by the batch size and the reader's budget, not by the input: a 1 GB
//! archive takes the memory a 10 MB one takes.
//!
//! Every skipped record reaches the [`Observer`] with its reason and is kept in the
//! store's `skips` table; every document cut at the size limit reaches it too.

use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Condvar, Mutex};

use attache_coder::{Coder, Document};
use attache_io::{Body, Input, Origin, ReadOptions, Record, Skip, read_records};
use rayon::prelude::*;

use crate::write::conflict;
use crate::{BatchOutcome, OpenOptions, Prepared, Store, StoreError};

/// How to ingest.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// How to read the inputs (set `file_ids` to [`attache_io::FileIds::ContentHash`] so
    /// that the same article in two places is one document).
    pub read: ReadOptions,
    /// How to open the store.
    pub open: OpenOptions,
    /// The most documents in one batch (one transaction).
    pub batch_docs: usize,
    /// The most bytes of input in one batch.
    pub batch_bytes: u64,
    /// The most bytes of records read but not yet coded.
    pub budget_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        IngestOptions {
            read: ReadOptions { file_ids: attache_io::FileIds::ContentHash, ..ReadOptions::default() },
            open: OpenOptions::default(),
            batch_docs: 256,
            batch_bytes: 16 << 20,
            budget_bytes: 64 << 20,
        }
    }
}

/// What an ingest did so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    /// Records read.
    pub records: u64,
    /// What the store took: new documents, present ones, duplicates, events.
    pub written: BatchOutcome,
    /// Documents left out before coding because the store had them.
    pub already_done: u64,
    /// Records skipped (unreadable, no text, conflicting id).
    pub skipped: u64,
    /// Documents cut at the size limit.
    pub cut_documents: u64,
    /// Bytes cut.
    pub cut_bytes: u64,
    /// Bytes of text coded.
    pub text_bytes: u64,
}

/// Hears what an ingest does.
pub trait Observer {
    /// A record was skipped.
    fn skipped(&mut self, _skip: &Skip) {}
    /// A document was cut at the size limit.
    fn cut(&mut self, _origin: &Origin, _id: &str) {}
    /// A batch was written.
    fn progress(&mut self, _totals: &Totals) {}
}

/// An observer that hears nothing.
pub struct Quiet;

impl Observer for Quiet {}

enum Item {
    Record(Record),
    Skip(Skip),
}

/// Bytes of records read but not yet coded: the reader waits while it is spent.
struct Budget {
    used: Mutex<u64>,
    freed: Condvar,
    max: u64,
}

impl Budget {
    fn take(&self, n: u64, cancel: &AtomicBool) {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        // one record larger than the budget still passes, alone
        while *used > 0 && *used + n > self.max && !cancel.load(Ordering::Relaxed) {
            used = self
                .freed
                .wait_timeout(used, std::time::Duration::from_millis(100))
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        *used += n;
    }

    fn give(&self, n: u64) {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        *used = used.saturating_sub(n);
        self.freed.notify_all();
    }
}

fn size(r: &Record) -> u64 {
    match &r.body {
        Body::Text(t) => t.len() as u64,
        Body::Html(h) => h.len() as u64,
    }
}

/// GDELT's DATEADDED for now: `YYYYMMDDHHMMSS`, UTC.
fn now_stamp() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    chrono::DateTime::from_timestamp(secs as i64, 0).map(|t| t.format("%Y%m%d%H%M%S").to_string()).unwrap_or_default()
}

type Batch = (Vec<Prepared>, Vec<Skip>, String);

/// Ingests `inputs` into the store at `path`. Returns what was done, or the error that
/// stopped it (a full disk, a locked database): everything written before the error is
/// complete, and running the same ingest again resumes after it.
pub fn ingest(
    path: &Path,
    inputs: &[Input],
    coder: &Coder,
    opts: &IngestOptions,
    observer: &mut dyn Observer,
) -> Result<Totals, StoreError> {
    let mut store = Store::open(path, &opts.open)?;
    let lookup = Store::open_read_only(path)?;
    let cancel = opts.read.cancel.clone().unwrap_or_default();
    let read_opts = ReadOptions { cancel: Some(cancel.clone()), ..opts.read.clone() };
    // The reader waits only while the batch being gathered plus the record it holds would
    // pass the budget; a budget below a full batch plus the largest record would let it
    // wait for a batch that waits for it.
    let floor = opts.batch_bytes.saturating_add(opts.read.max_doc_bytes).saturating_add(1 << 20);
    let budget = Budget { used: Mutex::new(0), freed: Condvar::new(), max: opts.budget_bytes.max(floor) };
    let (items_tx, items) = sync_channel::<Item>(opts.batch_docs.max(1));
    let (batches_tx, batches) = sync_channel::<Batch>(1);
    let (results_tx, results) = std::sync::mpsc::channel::<Result<BatchOutcome, StoreError>>();
    std::thread::scope(|s| {
        let named = |name: &str| std::thread::Builder::new().name(name.to_string());
        let reader = named("attache-read").spawn_scoped(s, || {
            let tx = items_tx;
            for input in inputs {
                if cancel.load(Ordering::Relaxed) {
                    break;
                }
                read_records(
                    input,
                    &read_opts,
                    &mut |r| {
                        budget.take(size(&r), &cancel);
                        if tx.send(Item::Record(r)).is_err() {
                            cancel.store(true, Ordering::Relaxed);
                        }
                    },
                    &mut |sk| {
                        if tx.send(Item::Skip(sk)).is_err() {
                            cancel.store(true, Ordering::Relaxed);
                        }
                    },
                );
            }
        });
        let writer = named("attache-write").spawn_scoped(s, move || {
            for (docs, skips, added) in batches {
                let r = store.write_batch(&docs, &skips, &added);
                let failed = r.is_err();
                if results_tx.send(r).is_err() || failed {
                    break;
                }
            }
        });
        if let Err(e) = reader.and(writer) {
            return Err(StoreError::Io(e));
        }
        let mut run =
            Run { coder, lookup: &lookup, budget: &budget, observer, totals: Totals::default(), skips: vec![] };
        let result = run.main_loop(items, batches_tx, &results, opts);
        // stop the reader whatever happened, then wait for the writer's last word
        cancel.store(true, Ordering::Relaxed);
        budget.give(u64::MAX);
        let mut result = result;
        for r in results.iter() {
            if let Err(e) = run.take(r)
                && result.is_ok()
            {
                result = Err(e);
            }
        }
        result.map(|()| run.totals)
    })
}

/// The calling thread's state.
struct Run<'a> {
    coder: &'a Coder,
    lookup: &'a Store,
    budget: &'a Budget,
    observer: &'a mut dyn Observer,
    totals: Totals,
    skips: Vec<Skip>,
}

impl Run<'_> {
    fn main_loop(
        &mut self,
        items: Receiver<Item>,
        batches: SyncSender<Batch>,
        results: &Receiver<Result<BatchOutcome, StoreError>>,
        opts: &IngestOptions,
    ) -> Result<(), StoreError> {
        let mut batch: Vec<Record> = Vec::new();
        let mut bytes = 0u64;
        let mut items = items.into_iter();
        loop {
            let item = items.next();
            let end = item.is_none();
            match item {
                Some(Item::Record(r)) => {
                    self.totals.records += 1;
                    bytes += size(&r);
                    batch.push(r);
                }
                Some(Item::Skip(s)) => self.skip(s),
                None => {}
            }
            if (end && !(batch.is_empty() && self.skips.is_empty()))
                || batch.len() >= opts.batch_docs.max(1)
                || bytes >= opts.batch_bytes
            {
                let prepared = self.code(std::mem::take(&mut batch), bytes)?;
                bytes = 0;
                let skips = std::mem::take(&mut self.skips);
                if batches.send((prepared, skips, now_stamp())).is_err() {
                    // the writer stopped: its error is in `results`
                    break;
                }
            }
            while let Ok(r) = results.try_recv() {
                self.take(r)?;
            }
            if end {
                break;
            }
        }
        Ok(())
    }

    fn skip(&mut self, s: Skip) {
        self.totals.skipped += 1;
        self.observer.skipped(&s);
        self.skips.push(s);
    }

    fn take(&mut self, r: Result<BatchOutcome, StoreError>) -> Result<(), StoreError> {
        let mut outcome = r?;
        for s in std::mem::take(&mut outcome.conflicts) {
            self.totals.skipped += 1;
            self.observer.skipped(&s);
        }
        self.totals.written.add(outcome);
        self.observer.progress(&self.totals);
        Ok(())
    }

    /// Extracts, leaves out what the store has, and codes a batch.
    fn code(&mut self, batch: Vec<Record>, bytes: u64) -> Result<Vec<Prepared>, StoreError> {
        let extracted: Vec<Result<(Document, Origin), Skip>> =
            batch.into_par_iter().map(|r| r.into_document()).collect();
        self.budget.give(bytes);
        let mut docs = Vec::with_capacity(extracted.len());
        for x in extracted {
            match x {
                Ok(d) => docs.push(d),
                Err(s) => self.skip(s),
            }
        }
        let ids: Vec<&str> = docs.iter().map(|(d, _)| d.id.as_str()).collect();
        let stored = self.lookup.stored_hashes(&ids)?;
        let mut todo = Vec::with_capacity(docs.len());
        for ((doc, origin), stored) in docs.into_iter().zip(stored) {
            match stored {
                Some(h) if h == attache_io::read::content_id(&doc.text) => self.totals.already_done += 1,
                Some(_) => {
                    let s = conflict(&origin, &doc.id);
                    self.skip(s);
                }
                None => {
                    if origin.cut > 0 {
                        self.totals.cut_documents += 1;
                        self.totals.cut_bytes += origin.cut;
                        self.observer.cut(&origin, &doc.id);
                    }
                    self.totals.text_bytes += doc.text.len() as u64;
                    todo.push((doc, origin));
                }
            }
        }
        let coder = self.coder;
        let coded: Vec<Result<Prepared, Skip>> = todo
            .into_par_iter()
            .map(|(doc, origin)| {
                // A coder bug must not take the run down with it: the document is
                // skipped with a request to report it, and the others are coded.
                match std::panic::catch_unwind(AssertUnwindSafe(|| coder.code(&doc))) {
                    Ok(coded) => Ok(Prepared::new(&doc, origin, coded)),
                    Err(_) => Err(crate::write::skip_for(
                        &origin,
                        format!(
                            "the coder failed on document `{}` (a bug in attache: please report it with the \
                             document)",
                            doc.id
                        ),
                    )),
                }
            })
            .collect();
        let mut out = Vec::with_capacity(coded.len());
        for c in coded {
            match c {
                Ok(p) => out.push(p),
                Err(s) => self.skip(s),
            }
        }
        Ok(out)
    }
}
