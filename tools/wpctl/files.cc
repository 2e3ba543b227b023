#include "tools/wpctl/files.h"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "absl/strings/str_cat.h"

namespace wp::wpctl {
namespace {

absl::Status FileError(absl::string_view verb, absl::string_view path, int error_number) {
  // A stream can fail without errno (e.g. a directory read as a file).
  if (error_number == 0) return absl::UnknownError(absl::StrCat("cannot ", verb, " ", path));
  return absl::ErrnoToStatus(error_number, absl::StrCat("cannot ", verb, " ", path));
}

}  // namespace

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::istream* in = &std::cin;
  std::ifstream file;
  errno = 0;
  if (path != "-") {
    // Opening a folder "works" and then reads nothing; say what is wrong.
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) return FileError("read", path, EISDIR);
    file.open(path, std::ios::binary);
    if (!file.is_open()) return FileError("read", path, errno);
    in = &file;
  }
  std::string content((std::istreambuf_iterator<char>(*in)), std::istreambuf_iterator<char>());
  if (in->bad()) return FileError("read", path == "-" ? "stdin" : path, errno);
  return content;
}

absl::Status WriteWholeFile(const std::string& path, absl::string_view content) {
  errno = 0;
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file.is_open()) return FileError("write", path, errno);
  file.write(content.data(), static_cast<std::streamsize>(content.size()));
  file.close();
  if (file.fail()) return FileError("write", path, errno);
  return absl::OkStatus();
}

}  // namespace wp::wpctl
