// manifest.tsv: a header of '# key<TAB>value' lines, the column names, one line per chunk.
#include "engine/sweep/manifest.hpp"

#include <cerrno>
#include <fstream>
#include <sstream>

#include "engine/error.hpp"
#include "engine/provenance.hpp"
#include "engine/store/atomic_file.hpp"

namespace myoflux::sweep {

namespace fs = std::filesystem;

namespace {

constexpr const char* kTitle = "# myoflux sweep manifest, format 2";
constexpr const char* kColumns =
    "chunk\tfirst_run\truns\tinput_sha256\tstatus\tfailed_runs\tfile_sha256\tfile";
// Format 1 (before file checksums): the same columns without file_sha256.
constexpr const char* kColumnsFormat1 =
    "chunk\tfirst_run\truns\tinput_sha256\tstatus\tfailed_runs\tfile";

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) out.push_back(field);
  return out;
}

}  // namespace

void write_manifest(const fs::path& path, const Manifest& m) {
  AtomicOutput output(path, true);
  {
    std::ofstream out(output.temp_path());
    out << kTitle << "\n"
        << "# One line per chunk; 'done' chunks have their final file. Rewritten as chunks "
           "finish.\n"
        << "# sweep\t" << m.sweep << "\n"
        << "# spec\t" << m.spec_file << "\n"
        << "# fingerprint\t" << m.fingerprint << "\n"
        << "# runs\t" << m.runs << "\n"
        << "# chunk_size\t" << m.chunk_size << "\n"
        << "# chunks\t" << m.chunks.size() << "\n"
        << "# updated\t" << utc_now_iso8601() << "\n"
        << kColumns << "\n";
    for (const ManifestEntry& e : m.chunks)
      out << e.chunk << "\t" << e.first_run << "\t" << e.runs << "\t" << e.input_hash << "\t"
          << (e.done ? "done" : "pending") << "\t"
          << (e.failed_runs >= 0 ? std::to_string(e.failed_runs) : "-") << "\t"
          << (e.file_sha256.empty() ? "-" : e.file_sha256) << "\t" << e.file << "\n";
    out.flush();
    if (!out) output.fail("the manifest could not be written", errno);
  }
  output.commit();
}

Manifest read_manifest(const fs::path& path) {
  std::ifstream in(path);
  if (!in)
    throw InputError(path.string() + " is missing: " + path.parent_path().string() +
                     " is not a sweep folder (myoflux sweep writes it)");
  Manifest m;
  std::string line;
  int number = 0;
  const auto bad = [&](const std::string& why) {
    return InputError(path.string() + ":" + std::to_string(number) + ": " + why);
  };
  std::size_t columns = 0;  // 8 (format 2) or 7 (format 1) once the column line is seen
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    if (line[0] == '#') {
      const auto fields = split_tabs(line.substr(2));
      if (fields.size() != 2) continue;
      if (fields[0] == "sweep") m.sweep = fields[1];
      if (fields[0] == "spec") m.spec_file = fields[1];
      if (fields[0] == "fingerprint") m.fingerprint = fields[1];
      try {
        if (fields[0] == "runs") m.runs = std::stoll(fields[1]);
        if (fields[0] == "chunk_size") m.chunk_size = std::stoll(fields[1]);
      } catch (const std::exception&) {
        throw bad("cannot read the number of '" + fields[0] + "'");
      }
      continue;
    }
    if (line == kColumns || line == kColumnsFormat1) {
      columns = line == kColumns ? 8 : 7;
      continue;
    }
    const auto f = split_tabs(line);
    if (columns == 0 || f.size() != columns)
      throw bad("expected " + std::to_string(columns == 0 ? 8 : columns) +
                " tab-separated fields: " + std::string(columns == 7 ? kColumnsFormat1 : kColumns));
    ManifestEntry e;
    try {
      e.chunk = std::stoll(f[0]);
      e.first_run = std::stoll(f[1]);
      e.runs = std::stoll(f[2]);
      e.failed_runs = f[5] == "-" ? -1 : std::stoll(f[5]);
    } catch (const std::exception&) {
      throw bad("cannot read the numbers of this line");
    }
    e.input_hash = f[3];
    e.done = f[4] == "done";
    if (columns == 8 && f[6] != "-") e.file_sha256 = f[6];
    e.file = f[columns - 1];
    if (e.chunk != static_cast<std::int64_t>(m.chunks.size())) throw bad("chunks out of order");
    m.chunks.push_back(std::move(e));
  }
  if (m.fingerprint.empty() || m.chunks.empty()) throw bad("not a complete sweep manifest");
  return m;
}

}  // namespace myoflux::sweep
