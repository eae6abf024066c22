// The sweep folder: what to run (all, a share, or what --resume leaves), writing chunks, the
// manifest (throttled rewrites), folding the summary in chunk order, the index, and merge.
#include "engine/sweep/directory.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>

#include "engine/provenance.hpp"
#include "engine/store/atomic_file.hpp"
#include "engine/sweep/chunk_file.hpp"
#include "engine/sweep/index_file.hpp"

namespace myoflux::sweep {

namespace fs = std::filesystem;

namespace {

constexpr auto kManifestInterval = std::chrono::seconds(2);

std::int64_t parse_count(const std::string& text, std::size_t from, std::size_t to, bool& ok) {
  std::int64_t value = 0;
  const auto [ptr, ec] = std::from_chars(text.data() + from, text.data() + to, value);
  ok = ok && ec == std::errc() && ptr == text.data() + to;
  return value;
}

/// The spec, for reference; written once. Array shares start together and may race for it, so
/// losing the race (or any failure to write this copy) is not an error.
void write_spec_copy(const fs::path& path, const std::string& text) {
  if (fs::exists(path)) return;
  try {
    AtomicOutput output(path, false);
    {
      std::ofstream out(output.temp_path(), std::ios::binary);
      out << text;
    }
    output.commit();
  } catch (const std::exception&) {
  }
}

/// Where the spec came from, as an absolute path when it is a file (jobs run elsewhere).
std::string spec_location(const std::string& file) {
  std::error_code ec;
  if (file.empty() || !fs::is_regular_file(file, ec)) return file;
  return fs::absolute(file, ec).lexically_normal().string();
}

std::string short_hash(const std::string& hash) {
  return hash.substr(0, 12);
}

/// Chunks whose files were written by different builds give a note: their results may differ.
std::vector<std::string> build_notes(const std::set<std::string>& commits) {
  if (commits.size() <= 1) return {};
  std::string list;
  for (const std::string& c : commits) list += (list.empty() ? "" : ", ") + c;
  return {"the chunk files were written by " + std::to_string(commits.size()) +
          " different builds (git commits " + list +
          "); the input hashes cover the inputs, not the program"};
}

}  // namespace

Share parse_share(const std::string& text) {
  const std::size_t slash = text.find('/');
  bool ok = slash != std::string::npos && slash > 0 && slash + 1 < text.size();
  Share share;
  if (ok) {
    share.index = parse_count(text, 0, slash, ok);
    share.count = parse_count(text, slash + 1, text.size(), ok);
  }
  if (!ok || share.count < 1 || share.index < 0 || share.index >= share.count)
    throw InputError(
        "--chunk needs i/n with 0 <= i < n, e.g. --chunk "
        "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT with #SBATCH --array=0-(n-1); "
        "got \"" +
        text + "\"");
  return share;
}

fs::path SweepPaths::manifest(const Share& share) const {
  if (share.count == 1) return manifest();
  return root / ("manifest.share-" + std::to_string(share.index) + "-of-" +
                 std::to_string(share.count) + ".tsv");
}

std::vector<fs::path> SweepPaths::manifests() const {
  std::vector<fs::path> found;
  if (fs::exists(manifest())) found.push_back(manifest());
  std::error_code ec;
  std::vector<fs::path> shares;
  for (const fs::directory_entry& e : fs::directory_iterator(root, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("manifest.share-", 0) == 0 && e.path().extension() == ".tsv")
      shares.push_back(e.path());
  }
  std::sort(shares.begin(), shares.end());
  found.insert(found.end(), shares.begin(), shares.end());
  return found;
}

std::string SweepPaths::chunk_relative(std::int64_t chunk) {
  char name[64];
  std::snprintf(name, sizeof name, "chunks/chunk_%06lld.h5", static_cast<long long>(chunk));
  return name;
}

SweepDirectory::SweepDirectory(const SweepPlan& plan, fs::path root, std::string command_line)
    : plan_(plan),
      paths_{std::move(root)},
      command_line_(std::move(command_line)),
      layout_(layout_of(plan)) {}

namespace {

/// The file checksums the manifests in the folder recorded, by chunk.
std::map<std::int64_t, std::string> recorded_checksums(const std::vector<Manifest>& manifests) {
  std::map<std::int64_t, std::string> out;
  for (const Manifest& m : manifests)
    for (const ManifestEntry& e : m.chunks)
      if (e.done && !e.file_sha256.empty()) out[e.chunk] = e.file_sha256;
  return out;
}

/// Why a chunk file whose header matched cannot be kept, or "" when it can: its bytes differ from
/// the checksum recorded when it was written, or (no checksum recorded) it cannot be read whole.
std::string damage_of(const fs::path& file, const std::string& recorded, std::string& checksum) {
  checksum = sha256_file_hex(file);
  if (!recorded.empty())
    return checksum == recorded ? ""
                                : "its SHA-256 differs from the one recorded in the manifest "
                                  "when it was written: truncated or changed on disk";
  try {
    read_chunk_file(file);
    return "";
  } catch (const std::exception& e) {
    return e.what();
  }
}

}  // namespace

void SweepDirectory::prepare(bool resume, const Share& share, bool reduce) {
  std::error_code ec;
  if (fs::exists(paths_.root) && !fs::is_directory(paths_.root))
    throw InputError(paths_.root.string() +
                     " exists and is not a folder; -o names the sweep's "
                     "output folder");
  fs::create_directories(paths_.root / "chunks");
  lock_ = FolderLock(paths_.root, share.index, share.count);
  manifest_path_ = paths_.manifest(share);
  std::vector<Manifest> old_manifests;
  for (const fs::path& path : paths_.manifests()) {
    Manifest old = read_manifest(path);
    if (old.fingerprint != plan_.fingerprint())
      throw InputError(paths_.root.string() + " holds another sweep ('" + old.sweep + "', inputs " +
                       short_hash(old.fingerprint) + "; this one is '" + plan_.spec().name +
                       "', inputs " + short_hash(plan_.fingerprint()) +
                       "); choose another folder with -o");
    old_manifests.push_back(std::move(old));
  }
  const std::map<std::int64_t, std::string> recorded = recorded_checksums(old_manifests);
  manifest_ = {plan_.spec().name,   spec_location(plan_.spec().file),
               plan_.fingerprint(), plan_.run_count(),
               plan_.chunk_size(),  {}};
  std::vector<std::int64_t> existing;
  for (std::int64_t c = 0; c < plan_.chunk_count(); ++c) {
    ManifestEntry e{c,
                    plan_.chunk_first_run(c),
                    plan_.chunk_run_count(c),
                    plan_.chunk_hash(c),
                    false,
                    -1,
                    "",
                    SweepPaths::chunk_relative(c)};
    const fs::path file = paths_.chunk(c);
    if (fs::exists(file)) {
      const bool mine = c % share.count == share.index;
      std::string damage;
      ChunkHeader header;
      try {
        header = read_chunk_header(file);
      } catch (const std::exception& error) {
        damage = error.what();
      }
      if (mine && !resume) {
        existing.push_back(c);
      } else if (damage.empty() && header.input_hash == e.input_hash) {
        std::string checksum;
        if (mine) {
          const auto it = recorded.find(c);
          damage = damage_of(file, it == recorded.end() ? "" : it->second, checksum);
        }
        if (damage.empty()) {
          e.done = true;
          e.failed_runs = header.failed_runs;
          e.file_sha256 = checksum;
        }
      }
      if (!damage.empty() && mine && resume)
        warnings_.push_back("chunk file " + file.string() + " is damaged (" + damage +
                            "); its chunk is run again");
    }
    manifest_.chunks.push_back(std::move(e));
  }
  if (!existing.empty())
    throw InputError(paths_.root.string() + " already has results for " +
                     std::to_string(existing.size()) + " of this process's chunks (the first is " +
                     paths_.chunk(existing.front()).string() +
                     "); pass --resume to keep them and run the rest, or choose another folder");
  write_spec_copy(paths_.spec_copy(), plan_.spec().text);
  if (reduce) {
    summary_ = std::make_unique<SweepSummary>(layout_);
    folder_ = std::make_unique<OrderedFolder>(
        *summary_, plan_.chunk_count(),
        [this](std::int64_t c) { return read_chunk_rows(paths_.chunk(c), layout_); });
  }
  for (const ManifestEntry& e : manifest_.chunks) {
    if (e.chunk % share.count != share.index) continue;
    if (e.done) {
      ++kept_;
      if (folder_) folder_->finished(e.chunk, std::nullopt);
    } else {
      to_run_.push_back(e.chunk);
    }
  }
  save_manifest();
}

std::int64_t SweepDirectory::runs_to_run() const {
  std::int64_t runs = 0;
  for (std::int64_t c : to_run_) runs += plan_.chunk_run_count(c);
  return runs;
}

void SweepDirectory::finished(ChunkResult&& chunk) {
  const std::string checksum = write_chunk_file(paths_.chunk(chunk.chunk), layout_, chunk,
                                                current_provenance(command_line_));
  const std::int64_t id = chunk.chunk;
  mark_done(id, chunk.failed_runs(), checksum);
  if (folder_) folder_->finished(id, std::move(chunk));
}

void SweepDirectory::finished_elsewhere(std::int64_t chunk, std::int64_t failed_runs) {
  // The rank that wrote the file is elsewhere; its bytes are here (a shared file system).
  mark_done(chunk, failed_runs, sha256_file_hex(paths_.chunk(chunk)));
  if (folder_) folder_->finished(chunk, std::nullopt);
}

void SweepDirectory::mark_done(std::int64_t chunk, std::int64_t failed_runs,
                               const std::string& checksum) {
  const std::lock_guard<std::mutex> lock(mutex_);
  ManifestEntry& e = manifest_.chunks[static_cast<std::size_t>(chunk)];
  e.done = true;
  e.failed_runs = failed_runs;
  e.file_sha256 = checksum;
  save_manifest_locked(false);
}

void SweepDirectory::save_manifest() {
  const std::lock_guard<std::mutex> lock(mutex_);
  save_manifest_locked(true);
}

void SweepDirectory::save_manifest_locked(bool force) {
  // Each save is an fsync and a rename: a few a second at most, and always the last one.
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_save_ < kManifestInterval) return;
  last_save_ = now;
  write_manifest(manifest_path_, manifest_);
}

std::int64_t SweepDirectory::done_chunks() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  std::int64_t done = 0;
  for (const ManifestEntry& e : manifest_.chunks) done += e.done ? 1 : 0;
  return done;
}

SweepReport SweepDirectory::finish() {
  if (!folder_ || !folder_->complete())
    throw SimulationError("the sweep is not complete: " + std::to_string(done_chunks()) + " of " +
                          std::to_string(plan_.chunk_count()) + " chunks are done");
  std::set<std::string> commits;
  for (const ManifestEntry& e : manifest_.chunks)
    commits.insert(read_chunk_header(paths_.root / e.file).git_commit);
  write_index_file(paths_.index(), layout_, manifest_.chunks, *summary_,
                   current_provenance(command_line_));
  save_manifest();
  SweepReport report = report_of(layout_, *summary_);
  report.chunks = plan_.chunk_count();
  report.index = paths_.index();
  report.notes = build_notes(commits);
  return report;
}

SweepReport report_of(const SweepLayout& layout, const SweepSummary& summary) {
  SweepReport report;
  report.runs = summary.runs();
  report.failed_runs = summary.failed_runs();
  const SummaryGroup& all = summary.all();
  for (std::size_t k = 0; k < layout.endpoints.size(); ++k) {
    const RunningStats& s = all.endpoints[k];
    report.endpoints.push_back({layout.endpoints[k].name, layout.endpoints[k].unit, s.count(),
                                s.mean(), s.sd(), s.quantile(0), s.quantile(2), s.quantile(4)});
  }
  std::vector<std::pair<std::string, int>> counts;
  for (const SummaryGroup* g : summary.groups()) {
    if (g->coordinate == "all") continue;
    if (counts.empty() || counts.back().first != g->coordinate)
      counts.emplace_back(g->coordinate, 0);
    ++counts.back().second;
  }
  for (const auto& [name, n] : counts)
    report.groups.push_back(name + " (" + std::to_string(n) + (n == 1 ? " group)" : " groups)"));
  return report;
}

SweepReport merge_sweep(const fs::path& root, const std::string& command_line) {
  const SweepPaths paths{root};
  FolderLock lock;  // the merge excludes every share (and another merge) while it runs
  if (fs::is_directory(root)) lock = FolderLock(root, 0, 1);
  const std::vector<fs::path> manifests =
      fs::is_directory(root) ? paths.manifests() : std::vector<fs::path>{};
  if (manifests.empty())
    throw InputError(root.string() +
                     " is not a sweep folder: it has no manifest.tsv (myoflux "
                     "sweep -o " +
                     root.string() + " writes one)");
  Manifest manifest = read_manifest(manifests.front());
  std::vector<Manifest> all;
  for (const fs::path& other : manifests) {
    all.push_back(read_manifest(other));
    if (all.back().fingerprint != manifest.fingerprint)
      throw InputError(other.string() + " belongs to another sweep than " +
                       manifests.front().string() + "; one folder holds one sweep");
  }
  const std::map<std::int64_t, std::string> recorded = recorded_checksums(all);
  std::vector<std::string> missing, stale;
  std::set<std::string> commits;
  for (ManifestEntry& e : manifest.chunks) {
    const fs::path file = root / e.file;
    if (!fs::exists(file)) {
      missing.push_back(std::to_string(e.chunk));
      continue;
    }
    ChunkHeader header;
    std::string checksum;
    const auto it = recorded.find(e.chunk);
    try {
      header = read_chunk_header(file);
      if (!damage_of(file, it == recorded.end() ? "" : it->second, checksum).empty())
        header.input_hash.clear();
    } catch (const std::exception&) {
      header.input_hash.clear();  // unreadable: as stale, run again
    }
    if (header.input_hash != e.input_hash || header.fingerprint != manifest.fingerprint) {
      stale.push_back(std::to_string(e.chunk));
      continue;
    }
    e.done = true;
    e.failed_runs = header.failed_runs;
    e.file_sha256 = checksum;
    commits.insert(header.git_commit);
  }
  const auto listed = [](const std::vector<std::string>& chunks) {
    std::string out;
    for (std::size_t i = 0; i < chunks.size() && i < 10; ++i) out += (i ? ", " : "") + chunks[i];
    return out + (chunks.size() > 10 ? ", ..." : "");
  };
  if (!missing.empty() || !stale.empty())
    throw InputError("cannot merge " + root.string() + ": " +
                     (missing.empty() ? ""
                                      : std::to_string(missing.size()) +
                                            " chunks have no file yet (" + listed(missing) + ")") +
                     (missing.empty() || stale.empty() ? "" : "; ") +
                     (stale.empty()
                          ? ""
                          : std::to_string(stale.size()) +
                                " chunk files are from other inputs or damaged on disk (" +
                                listed(stale) + ")") +
                     "; run the shares that hold them (with --resume) and merge again");
  SweepLayout layout;
  read_chunk_file(root / manifest.chunks.front().file, &layout);
  SweepSummary summary(layout);
  for (const ManifestEntry& e : manifest.chunks)
    summary.add(read_chunk_rows(root / e.file, layout));
  write_index_file(paths.index(), layout, manifest.chunks, summary,
                   current_provenance(command_line));
  write_manifest(paths.manifest(), manifest);
  SweepReport report = report_of(layout, summary);
  report.chunks = static_cast<std::int64_t>(manifest.chunks.size());
  report.index = paths.index();
  report.notes = build_notes(commits);
  return report;
}

}  // namespace myoflux::sweep
