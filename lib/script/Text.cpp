//===- Text.cpp -----------------------------------------------------------===//
#include "script/Text.h"

#include "llvm/Support/ConvertUTF.h"

namespace verguard::script {

const char *encodingName(Encoding E) {
  switch (E) {
  case Encoding::Utf8:
    return "UTF-8";
  case Encoding::Utf8Bom:
    return "UTF-8 with BOM";
  case Encoding::Utf16LE:
    return "UTF-16 LE";
  case Encoding::Utf16BE:
    return "UTF-16 BE";
  case Encoding::Windows1252:
    return "Windows-1252";
  }
  return "?";
}

namespace {
// Windows-1252 0x80-0x9F; 0 where undefined (decoded as U+FFFD-like '?').
const uint16_t Cp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void appendUtf8(std::string &Out, uint32_t CP) {
  char Buf[4];
  char *P = Buf;
  const llvm::UTF32 *Src = &CP;
  llvm::UTF8 *Dst = reinterpret_cast<llvm::UTF8 *>(Buf);
  if (llvm::ConvertUTF32toUTF8(&Src, Src + 1, &Dst, Dst + 4,
                               llvm::lenientConversion) != llvm::conversionOK)
    CP = 0xFFFD, Src = &CP, Dst = reinterpret_cast<llvm::UTF8 *>(Buf),
    llvm::ConvertUTF32toUTF8(&Src, Src + 1, &Dst, Dst + 4,
                             llvm::lenientConversion);
  Out.append(P, reinterpret_cast<char *>(Dst) - P);
}

uint32_t cp1252ToUnicode(unsigned char C) {
  if (C >= 0x80 && C < 0xA0)
    return Cp1252High[C - 0x80] ? Cp1252High[C - 0x80] : 0xFFFD;
  return C;
}

int unicodeToCp1252(uint32_t CP) {
  if (CP < 0x80 || (CP >= 0xA0 && CP < 0x100))
    return CP;
  for (int I = 0; I < 32; ++I)
    if (Cp1252High[I] == CP)
      return 0x80 + I;
  return -1;
}

/// Heuristic for UTF-16 without a BOM: one byte of (nearly) every pair NUL.
std::optional<Encoding> sniffUtf16(llvm::StringRef B) {
  if (B.size() < 4 || B.size() % 2)
    return std::nullopt;
  size_t N = std::min<size_t>(B.size(), 4096), ZeroEven = 0, ZeroOdd = 0;
  for (size_t I = 0; I < N; ++I)
    if (B[I] == 0)
      (I % 2 ? ZeroOdd : ZeroEven)++;
  if (ZeroOdd * 10 >= N / 2 * 7 && ZeroEven * 10 < N / 2)
    return Encoding::Utf16LE;
  if (ZeroEven * 10 >= N / 2 * 7 && ZeroOdd * 10 < N / 2)
    return Encoding::Utf16BE;
  return std::nullopt;
}
} // namespace

llvm::Expected<DecodedText> decodeText(llvm::StringRef Bytes,
                                       llvm::StringRef Path) {
  DecodedText T;
  auto Fail = [&](const std::string &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s: %s",
                                   Path.str().c_str(), Why.c_str());
  };
  std::optional<Encoding> Enc;
  if (Bytes.starts_with("\xEF\xBB\xBF")) {
    Enc = Encoding::Utf8Bom;
    T.BomSize = 3;
  } else if (Bytes.starts_with("\xFF\xFE")) {
    Enc = Encoding::Utf16LE;
    T.BomSize = 2;
  } else if (Bytes.starts_with("\xFE\xFF")) {
    Enc = Encoding::Utf16BE;
    T.BomSize = 2;
  } else if (Bytes.contains('\0')) {
    Enc = sniffUtf16(Bytes);
    if (!Enc)
      return Fail("binary file (contains NUL bytes); skipped");
  }
  if (Enc == Encoding::Utf16LE || Enc == Encoding::Utf16BE) {
    bool LE = *Enc == Encoding::Utf16LE;
    llvm::StringRef Body = Bytes.drop_front(T.BomSize);
    if (Body.size() % 2)
      return Fail("UTF-16 text with an odd number of bytes; skipped");
    T.Enc = *Enc;
    T.Utf8.reserve(Body.size() / 2);
    T.Map.reserve(Body.size() / 2 + 1);
    for (size_t I = 0; I + 1 < Body.size(); I += 2) {
      auto Unit = [&](size_t J) -> uint32_t {
        unsigned char A = Body[J], B = Body[J + 1];
        return LE ? (A | (B << 8)) : ((A << 8) | B);
      };
      uint32_t CP = Unit(I);
      uint32_t Origin = T.BomSize + I;
      if (CP == 0)
        return Fail("binary file (NUL character in UTF-16 text); skipped");
      if (CP >= 0xD800 && CP < 0xDC00 && I + 3 < Body.size()) {
        uint32_t Lo = Unit(I + 2);
        if (Lo >= 0xDC00 && Lo < 0xE000) {
          CP = 0x10000 + ((CP - 0xD800) << 10) + (Lo - 0xDC00);
          I += 2;
        }
      }
      size_t Before = T.Utf8.size();
      appendUtf8(T.Utf8, CP);
      for (size_t K = Before; K < T.Utf8.size(); ++K)
        T.Map.push_back(Origin);
    }
    T.Map.push_back(Bytes.size());
  } else {
    llvm::StringRef Body = Bytes.drop_front(T.BomSize);
    const llvm::UTF8 *Start = reinterpret_cast<const llvm::UTF8 *>(Body.data());
    if (llvm::isLegalUTF8String(&Start, Start + Body.size())) {
      T.Enc = Enc.value_or(Encoding::Utf8);
      T.Utf8 = Body.str();
    } else {
      // Not UTF-8: ANSI, as Notepad and the VBA editor write it.
      T.Enc = Encoding::Windows1252;
      T.BomSize = 0;
      for (size_t I = 0; I < Bytes.size(); ++I) {
        size_t Before = T.Utf8.size();
        appendUtf8(T.Utf8, cp1252ToUnicode(Bytes[I]));
        for (size_t K = Before; K < T.Utf8.size(); ++K)
          T.Map.push_back(I);
      }
      T.Map.push_back(Bytes.size());
    }
  }
  T.buildIndex();
  return T;
}

void DecodedText::buildIndex() {
  LineStarts.clear();
  LineStarts.push_back(0);
  size_t CRLFs = 0, LFs = 0;
  for (size_t I = 0; I < Utf8.size(); ++I)
    if (Utf8[I] == '\n') {
      LineStarts.push_back(I + 1);
      ++LFs;
      if (I > 0 && Utf8[I - 1] == '\r')
        ++CRLFs;
    }
  CRLF = CRLFs * 2 > LFs && CRLFs > 0;
  BlockCodePoints.clear();
  uint32_t CodePoints = 0;
  bool HighBytes = false;
  for (size_t I = 0; I <= Utf8.size(); ++I) {
    if (I % 256 == 0)
      BlockCodePoints.push_back(CodePoints);
    if (I < Utf8.size()) {
      unsigned char C = static_cast<unsigned char>(Utf8[I]);
      HighBytes |= C >= 0x80;
      if ((C & 0xC0) != 0x80)
        ++CodePoints;
    }
  }
  Ascii = !HighBytes;
}

uint32_t DecodedText::toOriginal(uint32_t Offset) const {
  if (Map.empty())
    return Offset + BomSize;
  return Map[std::min<size_t>(Offset, Map.size() - 1)];
}

uint32_t DecodedText::codePointsBefore(uint32_t Offset) const {
  Offset = std::min<size_t>(Offset, Utf8.size());
  uint32_t Block = Offset / 256;
  if (Block >= BlockCodePoints.size()) // buildIndex() not called
    return 0;
  uint32_t N = BlockCodePoints[Block];
  for (uint32_t I = Block * 256; I < Offset; ++I)
    if ((static_cast<unsigned char>(Utf8[I]) & 0xC0) != 0x80)
      ++N;
  return N;
}

std::pair<uint32_t, uint32_t> DecodedText::lineCol(uint32_t Offset) const {
  auto It = std::upper_bound(LineStarts.begin(), LineStarts.end(), Offset);
  uint32_t Line = It - LineStarts.begin();
  uint32_t Start = LineStarts[Line - 1];
  if (Offset <= Start)
    return {Line, 1};
  if (Ascii) // Offset is within the text: it is past a line start
    return {Line, std::min<uint32_t>(Offset, Utf8.size()) - Start + 1};
  return {Line, codePointsBefore(Offset) - codePointsBefore(Start) + 1};
}

core::SourceSpan DecodedText::span(llvm::StringRef File, uint32_t Begin,
                                   uint32_t End) const {
  core::SourceSpan S;
  S.File = File.str();
  S.Begin = toOriginal(Begin);
  S.End = toOriginal(End);
  std::tie(S.Line, S.Col) = lineCol(Begin);
  std::tie(S.EndLine, S.EndCol) = lineCol(End);
  return S;
}

llvm::StringRef DecodedText::line(uint32_t N) const {
  if (N == 0 || N > LineStarts.size())
    return {};
  uint32_t B = LineStarts[N - 1];
  uint32_t E = N < LineStarts.size() ? LineStarts[N] : Utf8.size();
  llvm::StringRef L = llvm::StringRef(Utf8).slice(B, E);
  return L.rtrim("\r\n");
}

std::string DecodedText::encode(llvm::StringRef Text) const {
  switch (Enc) {
  case Encoding::Utf8:
  case Encoding::Utf8Bom:
    return Text.str();
  case Encoding::Utf16LE:
  case Encoding::Utf16BE: {
    std::string Out;
    llvm::SmallVector<llvm::UTF16, 64> Units;
    if (!llvm::convertUTF8ToUTF16String(Text, Units))
      return {};
    for (llvm::UTF16 U : Units) {
      if (Enc == Encoding::Utf16LE) {
        Out += char(U & 0xFF);
        Out += char(U >> 8);
      } else {
        Out += char(U >> 8);
        Out += char(U & 0xFF);
      }
    }
    return Out;
  }
  case Encoding::Windows1252: {
    std::string Out;
    const llvm::UTF8 *P = reinterpret_cast<const llvm::UTF8 *>(Text.data());
    const llvm::UTF8 *End = P + Text.size();
    while (P < End) {
      llvm::UTF32 CP;
      if (llvm::convertUTF8Sequence(&P, End, &CP, llvm::strictConversion) !=
          llvm::conversionOK)
        return {};
      int B = unicodeToCp1252(CP);
      Out += char(B < 0 ? '?' : B);
    }
    return Out;
  }
  }
  return Text.str();
}

llvm::Expected<llvm::StringRef>
scanText(llvm::StringRef Bytes, llvm::StringRef Path, std::string &Decoded) {
  if (!Bytes.starts_with("\xFF\xFE") && !Bytes.starts_with("\xFE\xFF") &&
      !Bytes.contains('\0'))
    return Bytes;
  auto T = decodeText(Bytes, Path);
  if (!T)
    return T.takeError();
  Decoded = std::move(T->Utf8);
  return llvm::StringRef(Decoded);
}

} // namespace verguard::script
