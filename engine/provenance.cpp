#include "engine/provenance.hpp"

#include <H5public.h>
#include <openssl/evp.h>

#include <Eigen/Core>
#include <array>
#include <boost/version.hpp>
#include <ctime>
#include <fstream>
#include <memory>
#include <stdexcept>

#include "engine/build_stamp.hpp"

namespace myoflux {
namespace {

std::string compiler_text() {
#if defined(__clang__)
  return "Clang " + std::to_string(__clang_major__) + "." + std::to_string(__clang_minor__) + "." +
         std::to_string(__clang_patchlevel__);
#elif defined(__GNUC__)
  return "GCC " + std::to_string(__GNUC__) + "." + std::to_string(__GNUC_MINOR__) + "." +
         std::to_string(__GNUC_PATCHLEVEL__);
#else
  return "unknown compiler";
#endif
}

std::string dotted(long major, long minor, long patch) {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

BuildInfo make_build_info() {
  const detail::BuildStamp& s = detail::kBuildStamp;
  BuildInfo b;
  b.version = s.version;
  b.git_commit = s.git_commit;
  b.git_dirty = s.git_dirty;
  b.build_type = s.build_type;
  b.compiler = compiler_text();
  b.eigen_version = dotted(EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION);
  // BOOST_VERSION is major * 100000 + minor * 100 + patch.
  b.boost_version = dotted(BOOST_VERSION / 100000, BOOST_VERSION / 100 % 1000, BOOST_VERSION % 100);
  b.hdf5_version = dotted(H5_VERS_MAJOR, H5_VERS_MINOR, H5_VERS_RELEASE);
  return b;
}

}  // namespace

const BuildInfo& build_info() {
  static const BuildInfo info = make_build_info();
  return info;
}

std::string build_summary(const BuildInfo& b) {
  return b.build_type + ", " + b.compiler + ", Eigen " + b.eigen_version + ", Boost " +
         b.boost_version + ", HDF5 " + b.hdf5_version;
}

std::string commit_text(const BuildInfo& b) {
  return b.git_commit + (b.git_dirty ? " (uncommitted changes)" : "");
}

std::string version_text(const BuildInfo& b) {
  return "myoflux " + b.version + "\n" +              //
         "  git commit  " + commit_text(b) + "\n" +   //
         "  build type  " + b.build_type + "\n" +     //
         "  compiler    " + b.compiler + "\n" +       //
         "  Eigen       " + b.eigen_version + "\n" +  //
         "  Boost       " + b.boost_version + "\n" +  //
         "  HDF5        " + b.hdf5_version + "\n";
}

std::string utc_now_iso8601() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::array<char, 32> buf{};
  std::strftime(buf.data(), buf.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf.data();
}

Provenance current_provenance(std::string command_line) {
  const BuildInfo& b = build_info();
  return {b.version,        b.git_commit,      b.git_dirty,
          build_summary(b), utc_now_iso8601(), std::move(command_line)};
}

namespace {

std::string hex(const unsigned char* digest, unsigned int length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0xF]);
  }
  return out;
}

}  // namespace

std::string sha256_hex(std::string_view text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("sha256_hex: OpenSSL EVP_Digest failed");
  return hex(digest.data(), length);
}

std::string sha256_file_hex(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> context(EVP_MD_CTX_new(),
                                                                   EVP_MD_CTX_free);
  if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("sha256_file_hex: OpenSSL EVP_DigestInit_ex failed");
  std::array<char, 1 << 16> block{};
  while (in) {
    in.read(block.data(), block.size());
    if (in.gcount() > 0 &&
        EVP_DigestUpdate(context.get(), block.data(), static_cast<std::size_t>(in.gcount())) != 1)
      throw std::runtime_error("sha256_file_hex: OpenSSL EVP_DigestUpdate failed");
  }
  if (in.bad()) return "";
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(context.get(), digest.data(), &length) != 1)
    throw std::runtime_error("sha256_file_hex: OpenSSL EVP_DigestFinal_ex failed");
  return hex(digest.data(), length);
}

}  // namespace myoflux
